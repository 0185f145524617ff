import pg from 'pg';
import { createDb, migrateDb, type PoolDb } from '@yatra/db';
import { envPort } from '../lib/net';
import { ensurePostgres } from '../lib/postgres';

export interface CliDatabase {
  db: PoolDb;
  /** Where the database came from, for messages. */
  source: 'DATABASE_URL' | 'embedded (running)' | 'embedded (started for this command)';
  close(): Promise<void>;
}

// Must match the embedded cluster of scripts/lib/postgres.ts (user/password/database yatra).
function embeddedUrl(): string {
  return `postgres://yatra:yatra@127.0.0.1:${envPort('YATRA_PG_PORT', 54329)}/yatra`;
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database `npm start` uses, migrated: DATABASE_URL if set; else the embedded PostgreSQL —
 * attached when `npm start` already runs it (so its worker sees what we write), otherwise started
 * for this command and stopped by close().
 */
export async function openDatabase(): Promise<CliDatabase> {
  let url: string;
  let source: CliDatabase['source'];
  let stopServer = async (): Promise<void> => {};
  if (process.env.DATABASE_URL) {
    url = process.env.DATABASE_URL;
    source = 'DATABASE_URL';
  } else if (await accepts(embeddedUrl())) {
    url = embeddedUrl();
    source = 'embedded (running)';
  } else {
    const server = await ensurePostgres();
    url = server.url;
    source = 'embedded (started for this command)';
    stopServer = () => server.stop();
  }
  const handle = createDb(url);
  const close = async (): Promise<void> => {
    await handle.close();
    await stopServer();
  };
  try {
    await migrateDb(handle.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: handle.db, source, close };
}
