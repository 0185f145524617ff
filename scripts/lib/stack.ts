import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDb, migrateDb } from '@yatra/db';
import { seedDemo } from '../../worker/src/seed';
import { SetupError } from './errors';
import { bin, dataDir, repoRoot } from './paths';
import { ensurePostgres, startEphemeralPostgres, type PostgresHandle } from './postgres';
import { logLine, startService, type Env, type Shutdown } from './processes';
import { ensureTemporal, startEphemeralTemporal, type TemporalHandle } from './temporal';
import { buildWeb, startWeb, webBuildReason } from './web';

export interface StackOptions {
  /**
   * `local`: the stack of `npm start` — DATABASE_URL/TEMPORAL_ADDRESS if set, else embedded
   * servers persisting to .data/. `ephemeral`: fresh throwaway servers on free ports (e2e).
   */
  mode: 'local' | 'ephemeral';
  webPort: number;
  /** `next dev` instead of build + `next start`. */
  webDev?: boolean;
  /** Bind the web server to this address only (e2e: 127.0.0.1). */
  webHostname?: string;
  /** Seed the demo journey and customers (idempotent). */
  seed: boolean;
  /** Every started piece registers its stop here, so stopping runs newest first. */
  shutdown: Shutdown;
  /** `quiet` keeps service output in memory (shown when one fails). */
  output?: 'prefix' | 'quiet';
}

export interface Stack {
  webUrl: string;
  databaseUrl: string;
  temporal: TemporalHandle;
  /** Environment the worker and web run with. */
  env: Env;
}

/**
 * PostgreSQL → migrations → demo seed → Temporal → worker → web, each one ready before the next.
 * Stop it with `shutdown.run()`.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { shutdown } = options;
  const output = options.output ?? 'prefix';
  const workerEntry = path.join(repoRoot, 'worker', 'src', 'main.ts');
  if (!existsSync(workerEntry)) throw new SetupError(`The worker entry ${workerEntry} is missing.`);

  const postgres: PostgresHandle =
    options.mode === 'local' ? await ensurePostgres() : await startEphemeralPostgres();
  shutdown.add('postgres', postgres.stop);
  if (postgres.embedded) say(output, 'postgres', `ready at ${redact(postgres.url)}`);

  await prepareDatabase(postgres.url, options.seed, output);

  const temporal =
    options.mode === 'local'
      ? await ensureTemporal({ output: { file: path.join(dataDir, 'temporal.log') } })
      : await startEphemeralTemporal({ persist: true });
  shutdown.add('temporal', temporal.stop);
  say(output, 'temporal', `ready at ${temporal.address} (namespace ${temporal.namespace})`);

  const env: Env = {
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace,
    ...(temporal.uiUrl ? { TEMPORAL_UI_URL: temporal.uiUrl } : {}),
    YATRA_WEB_URL: `http://localhost:${options.webPort}`,
  };

  const worker = startService({
    name: 'worker',
    command: bin('tsx'),
    args: [workerEntry],
    cwd: repoRoot,
    env,
    output,
    stopTimeoutMs: 30_000, // lets in-flight activities finish
  });
  shutdown.watch(worker);

  if (!options.webDev) {
    const reason = webBuildReason();
    if (reason) {
      say(output, 'web', `building (${reason}); this takes a minute or two`);
      await buildWeb(env);
    }
  }
  const web = await startWeb({
    port: options.webPort,
    env,
    dev: options.webDev,
    hostname: options.webHostname,
    output,
  });
  shutdown.watch(web.service);
  return { webUrl: web.url, databaseUrl: postgres.url, temporal, env };
}

/** Applies the committed migrations and, if asked, seeds the demo; one short-lived pool. */
export async function prepareDatabase(
  url: string,
  seed: boolean,
  output: 'prefix' | 'quiet' = 'prefix',
): Promise<void> {
  const { db, close } = createDb(url);
  try {
    await migrateDb(db);
    say(output, 'db', 'migrations applied');
    if (seed) {
      await seedDemo(db);
      say(output, 'db', 'demo journey and customers seeded');
    }
  } finally {
    await close();
  }
}

/** The URL with its password hidden (for logs). */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return url;
  }
}

function say(output: 'prefix' | 'quiet', name: string, line: string): void {
  if (output === 'prefix') logLine(name, line);
}
