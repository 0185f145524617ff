// `tsx scripts/migrate.ts [--seed]`: applies the committed migrations (and seeds the demo) to
// DATABASE_URL, or to the embedded PostgreSQL of `npm start`. docker-compose runs it once before
// the web app and the worker start.
import { describeError } from './lib/errors';
import { ensurePostgres } from './lib/postgres';
import { prepareDatabase, redact } from './lib/stack';

async function main(): Promise<void> {
  const seed = process.argv.includes('--seed');
  const postgres = await ensurePostgres({ attach: true });
  try {
    process.stdout.write(`Migrating ${redact(postgres.url)}\n`);
    await prepareDatabase(postgres.url, seed);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeError(error)}\n`);
  process.exitCode = 1;
});
