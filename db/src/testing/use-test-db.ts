import { afterAll, beforeAll } from 'vitest';
import { startTestDb, type TestDb } from './test-db';

/** The first embedded PostgreSQL of a run initialises its data directory: slow on a busy machine. */
const START_TIMEOUT_MS = 120_000;

/** What a test file reads once the database is up. */
export type StartedTestDb = Pick<TestDb, 'db' | 'url'>;

export interface TestDbHooks {
  /** Runs right after the database started (route env, seed rows), inside the same beforeAll. */
  afterStart?: (t: StartedTestDb) => Promise<unknown> | void;
  /** Runs before the database stops (close pools that point at it). */
  beforeStop?: () => Promise<unknown> | void;
}

/**
 * Starts a migrated, empty database before the tests of this file (or describe block) and stops it
 * after them. A separate module from test-db.ts so that benches and scripts using startTestDb do not
 * import vitest. Read `db`/`url` inside tests and hooks, not at module load: they exist only once
 * beforeAll has run.
 */
export function useTestDb(hooks: TestDbHooks = {}): StartedTestDb {
  let started: TestDb | undefined;
  beforeAll(async () => {
    started = await startTestDb();
    await hooks.afterStart?.(started);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await hooks.beforeStop?.();
    await started?.stop();
  });
  const current = (): TestDb => {
    if (!started)
      throw new Error('useTestDb: the test database is read before beforeAll started it');
    return started;
  };
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
