// Shared by the web integration tests: call route handlers the way Next does.
import { closeDb } from '@yatra/db';
import { useTestDb, type StartedTestDb } from '@yatra/db/testing/use-test-db';

/**
 * A test database the route handlers reach through getDb(): the process-wide pool is closed so it
 * reopens on DATABASE_URL, and closed again before the database stops. `afterStart` seeds or sets
 * more env inside the same beforeAll.
 */
export function useRouteTestDb(
  afterStart?: (t: StartedTestDb) => Promise<unknown> | void,
): StartedTestDb {
  return useTestDb({
    afterStart: async (t) => {
      await closeDb();
      process.env.DATABASE_URL = t.url; // the route handlers use getDb()
      await afterStart?.(t);
    },
    beforeStop: closeDb,
  });
}

/** A JSON request to a route handler. */
export function jsonRequest(path: string, method: string, body?: unknown): Request {
  return new Request(`http://yatra.test${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The second argument Next passes a dynamic route handler. */
export function ctx<P>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}

/** Reads a JSON response body with a loose type for assertions. */
export async function bodyOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
