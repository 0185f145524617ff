// `npm start`: the whole of Yatra on one machine. PostgreSQL and Temporal come from DATABASE_URL
// and TEMPORAL_ADDRESS when set, else run embedded with their state in .data/. Ctrl-C stops it all.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from './lib/errors';
import { assertPortFree, envPort } from './lib/net';
import { repoRoot } from './lib/paths';
import { runCommand, Shutdown } from './lib/processes';
import { redact, startStack } from './lib/stack';

const shutdown = new Shutdown();
shutdown.installSignalHandlers();
shutdown.add('yatra', async () => void process.stdout.write('Yatra stopped.\n')); // runs last

async function main(): Promise<void> {
  await installIfNeeded();
  const webPort = envPort('PORT', 3000);
  await assertPortFree(webPort, 'the Yatra web app', 'PORT');

  const stack = await startStack({
    mode: 'local',
    webPort,
    webDev: process.env.YATRA_WEB_DEV === '1',
    seed: process.env.YATRA_SEED !== '0',
    shutdown,
  });

  const embeddedDb = !process.env.DATABASE_URL;
  const logs = [
    ...(embeddedDb ? ['.data/postgres.log'] : []),
    ...(stack.temporal.embedded ? ['.data/temporal.log'] : []),
  ];
  const lines = [
    `Yatra is running at ${stack.webUrl}`,
    `  Temporal UI: ${stack.temporal.uiUrl ?? '(not known; set TEMPORAL_UI_URL)'}`,
    `  Temporal:    ${stack.temporal.address}, namespace ${stack.temporal.namespace}`,
    `  Database:    ${embeddedDb ? stack.databaseUrl : redact(stack.databaseUrl)}`,
    ...(logs.length ? [`  Logs:        ${logs.join(', ')}`] : []),
    '  Press Ctrl-C to stop.',
  ];
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)));
  process.stdout.write(`\n${rule}\n${lines.join('\n')}\n${rule}\n\n`);
}

/** Runs `npm install` when node_modules is missing or older than package-lock.json. */
async function installIfNeeded(): Promise<void> {
  const marker = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = path.join(repoRoot, 'package-lock.json');
  const stale =
    !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  process.stdout.write('Installing dependencies (npm install)…\n');
  const code = await runCommand('npm', ['install'], { cwd: repoRoot });
  if (code !== 0) throw new Error(`npm install failed (exit code ${code})`);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`\nYatra could not start:\n${describeError(error)}\n\n`);
  await shutdown.exit(1);
});
