// Test helpers for the ledger's integration tests: a fixed day-numbered calendar, members, an
// order's earn, and a database with a connection per concurrent writer.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../client';
import * as schema from '../../schema';
import { startTestDb, type TestDb } from '../../testing/test-db';
import { upsertCustomer } from '../customers';
import { earnPoints } from './earn';
import { addDays } from './plan';

/** Day 0 of every ledger test: business time is explicit, never the wall clock. */
export const DAY0 = new Date('2030-01-01T00:00:00.000Z');

/** Day `n` (fractions allowed: day(10.5) is noon of day 10). */
export function day(n: number): Date {
  return addDays(DAY0, n);
}

/** A customer row, which loyalty rows hang off. */
export async function customer(db: Db, id: string): Promise<string> {
  await upsertCustomer(db, { id, name: id });
  return id;
}

/** Earns `points` for order `key` on day `at`, expiring on day `expires` (key `order:<key>:earn`). */
export function earnOrder(
  db: Db,
  customerId: string,
  key: string,
  points: number,
  at: number,
  expires: number,
) {
  return earnPoints(db, {
    customerId,
    points,
    reason: 'order',
    orderId: key,
    idempotencyKey: `order:${key}:earn`,
    occurredAt: day(at),
    expiresAt: day(expires),
  });
}

export interface PooledTestDb {
  t: TestDb;
  pool: pg.Pool;
  db: Db;
  /** Ends the pool, then stops the server. */
  stop(): Promise<void>;
}

/** A test database with a pool of `connections` (createDb's pool stops at 10), all opened. */
export async function pooledTestDb(connections: number): Promise<PooledTestDb> {
  const t = await startTestDb();
  const pool = new pg.Pool({ connectionString: t.url, max: connections });
  // As in createDb: the server stopping at the end must not crash the run through an idle client.
  pool.on('error', () => undefined);
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const c of clients) c.release();
  return {
    t,
    pool,
    db: drizzle(pool, { schema }),
    stop: async () => {
      await pool.end();
      await t.stop();
    },
  };
}
