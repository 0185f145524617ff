import { createDb, migrateDb, type PoolDb } from '@yatra/db';
import { startEphemeralPostgres } from '../../scripts/lib/postgres';
import type { Shutdown } from '../../scripts/lib/processes';

/**
 * A migrated database on its own embedded PostgreSQL with a pool of `connections`, both closed
 * by `shutdown`. `dataDir` lets the CPU meter find the server's processes.
 */
export async function startBenchDb(
  shutdown: Shutdown,
  connections: number,
  progress: (line: string) => void,
): Promise<{ db: PoolDb; dataDir: string }> {
  progress('starting embedded PostgreSQL…');
  const pg = await startEphemeralPostgres();
  shutdown.add('postgres', pg.stop);
  const handle = createDb(pg.url, { max: connections });
  shutdown.add('db', handle.close);
  await migrateDb(handle.db);
  return { db: handle.db, dataDir: pg.dataDir };
}
