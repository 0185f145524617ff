import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PoolDb } from './client';

/**
 * The committed SQL migrations (db/migrations), resolved from this file. Deliberately not the
 * `new URL('../migrations', import.meta.url)` literal: bundlers (webpack in Next.js) treat that
 * pattern as an asset import and fail on a directory when the web app imports @yatra/db.
 */
export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'migrations',
);

// Arbitrary constant: every Yatra process migrating the same database takes this advisory lock.
const MIGRATION_LOCK_KEY = 7_264_311_902;

/**
 * Applies pending committed migrations. Holds a session advisory lock on one connection so the
 * web app and workers starting together migrate one at a time instead of racing.
 */
export async function migrateDb(
  db: PoolDb,
  options: { migrationsFolder?: string } = {},
): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), {
        migrationsFolder: options.migrationsFolder ?? migrationsFolder,
      });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
