import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;

/** What every query function takes: the pool-backed database or an open transaction. */
export type Db = PgDatabase<NodePgQueryResultHKT, Schema>;

/** The pool-backed database that createDb returns (migrations need its pool). */
export type PoolDb = NodePgDatabase<Schema> & { $client: pg.Pool };

export interface DbHandle {
  db: PoolDb;
  pool: pg.Pool;
  /** Ends the pool; awaits in-flight queries. */
  close(): Promise<void>;
}

/**
 * Opens a pg Pool (max 10 unless `options.max`) on `url` with the Yatra schema; the caller owns
 * close(). A bench driving N concurrent clients asks for N connections.
 */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  let closed: Promise<void> | undefined;
  // An idle client losing its connection (server restart) must not crash the process; after
  // close() the server may still be ending sockets pool.end() has already let go of.
  pool.on('error', (err) => {
    if (!closed) console.error('[db] idle client error:', err.message);
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => (closed ??= pool.end()) };
}

// Kept on globalThis so hot-reloading dev servers (Next.js) reuse one pool instead of leaking one per reload.
const globalForDb: typeof globalThis & { __yatraDb?: DbHandle } = globalThis;

/** The process-wide database from DATABASE_URL, created on first use. */
export function getDb(): PoolDb {
  if (!globalForDb.__yatraDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set: start Yatra with `npm start` (it provides one) or export DATABASE_URL=postgres://…',
      );
    }
    globalForDb.__yatraDb = createDb(url);
  }
  return globalForDb.__yatraDb.db;
}

/** Closes the process-wide database, if getDb() opened one (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__yatraDb;
  globalForDb.__yatraDb = undefined;
  await handle?.close();
}
