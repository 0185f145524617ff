import type { z } from 'zod';
import { issuesOf, ValidationError } from '../errors';

/** Parses a JSON body with `schema`, answering 400 naming each bad field (`points`, `note`…). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError('The request body is invalid.', issuesOf(parsed.error));
  }
  return parsed.data;
}
