import {
  ConflictError,
  NotFoundError,
  PublishRejectedError,
  ValidationError,
  type ApiErrorBody,
} from './errors';

/** What Next passes a route handler as its second argument. */
export interface RouteContext<P> {
  params: Promise<P>;
}

/** A JSON answer; Dates serialise as ISO strings. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

/** Reads a JSON body, answering 400 (not 500) when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') throw new ValidationError('The request body is empty; send JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}

/** Maps the lib's errors to status codes; anything else is a logged 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationError) {
    return json({ error: error.message, issues: error.issues } satisfies ApiErrorBody, 400);
  }
  if (error instanceof NotFoundError) {
    return json({ error: error.message, issues: [] } satisfies ApiErrorBody, 404);
  }
  if (error instanceof ConflictError) {
    return json({ error: error.message, issues: [] } satisfies ApiErrorBody, 409);
  }
  if (error instanceof PublishRejectedError) {
    return json({ error: error.message, issues: [], errors: error.errors }, 422);
  }
  console.error('[api] unexpected error:', error);
  return json({ error: 'Internal server error.', issues: [] } satisfies ApiErrorBody, 500);
}

/**
 * Wraps a handler so thrown lib errors become JSON answers.
 * @example export const GET = route<{ id: string }>(async (_req, { id }) => json(await load(id)));
 */
export function route<P = Record<string, never>>(
  handler: (request: Request, params: P) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
