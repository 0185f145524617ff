import type { z } from 'zod';
import type { CompileError } from '@yatra/nodes';

/** One problem with a request, pinned to the field at fault, e.g. `properties.total`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** The body of every 4xx answer (422 adds `errors`). */
export interface ApiErrorBody {
  error: string;
  issues: ApiIssue[];
}

/** The request is malformed: answered 400 and nothing is stored. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The addressed record does not exist: answered 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request conflicts with the record's state (e.g. deleting a journey customers entered): 409. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The saved draft does not compile, so it cannot be published: 422 with per-node errors. */
export class PublishRejectedError extends Error {
  constructor(readonly errors: CompileError[]) {
    super(
      `The journey does not compile (${errors.length} problem${errors.length === 1 ? '' : 's'}).`,
    );
    this.name = 'PublishRejectedError';
  }
}

type ZodIssue = z.core.$ZodIssue;

/**
 * Flattens zod issues into `{ path: 'a.b.0.c', message }`. For a failed union, `pickBranch`
 * chooses which alternative's issues describe the mistake (default: the first whose root type
 * matched), so the caller hears about the field it got wrong rather than "Invalid input".
 */
export function issuesOf(
  error: z.ZodError,
  pickBranch: (branches: ZodIssue[][]) => ZodIssue[] | undefined = firstMatchingBranch,
  prefix: readonly PropertyKey[] = [],
): ApiIssue[] {
  return error.issues.flatMap((issue) => flatten(issue, pickBranch, prefix));
}

function flatten(
  issue: ZodIssue,
  pickBranch: (branches: ZodIssue[][]) => ZodIssue[] | undefined,
  prefix: readonly PropertyKey[],
): ApiIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = pickBranch(issue.errors);
    if (branch) return branch.flatMap((inner) => flatten(inner, firstMatchingBranch, path));
  }
  return [{ path: path.map(String).join('.'), message: issue.message }];
}

function firstMatchingBranch(branches: ZodIssue[][]): ZodIssue[] | undefined {
  return branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
}
