import { createDb, type PoolDb } from '../client';
import { migrateDb } from '../migrate';
import { startTestPostgres } from './embedded';

export interface TestDb {
  db: PoolDb;
  url: string;
  /** Closes the pool, stops the server, removes its files. */
  stop(): Promise<void>;
}

/** A migrated, empty Yatra database on a throwaway embedded PostgreSQL, for integration tests. */
export async function startTestDb(): Promise<TestDb> {
  const pg = await startTestPostgres();
  const handle = createDb(pg.url);
  try {
    await migrateDb(handle.db);
  } catch (error) {
    await handle.close();
    await pg.stop();
    throw error;
  }
  return {
    db: handle.db,
    url: pg.url,
    stop: async () => {
      await handle.close();
      await pg.stop();
    },
  };
}
