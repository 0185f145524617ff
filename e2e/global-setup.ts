// Starts a throwaway Yatra for the e2e run: fresh PostgreSQL and Temporal on free ports, migrated
// and seeded with the demo, then the worker and a production build of the web app. The URL goes
// to the test workers through YATRA_E2E_BASE_URL (playwright.config.ts reads it as baseURL).
import type { FullConfig } from '@playwright/test';
import { describeError, SetupError } from '../scripts/lib/errors';
import { getFreePort } from '../scripts/lib/net';
import { Shutdown } from '../scripts/lib/processes';
import { startStack } from '../scripts/lib/stack';
import { setE2eStack } from './stack-state';

export default async function globalSetup(_config: FullConfig): Promise<void> {
  if (process.env.YATRA_E2E_BASE_URL) {
    process.stdout.write(`[e2e] testing the running Yatra at ${process.env.YATRA_E2E_BASE_URL}\n`);
    return;
  }
  const shutdown = new Shutdown(false); // Playwright owns the process: report, don't exit
  setE2eStack(shutdown);
  const started = Date.now();
  try {
    const stack = await startStack({
      mode: 'ephemeral',
      webPort: await getFreePort(),
      webHostname: '127.0.0.1',
      seed: process.env.YATRA_E2E_SEED !== '0',
      shutdown,
      output: process.env.YATRA_E2E_VERBOSE === '1' ? 'prefix' : 'quiet',
    });
    process.env.YATRA_E2E_BASE_URL = `http://127.0.0.1:${new URL(stack.webUrl).port}`;
    process.env.YATRA_E2E_DATABASE_URL = stack.databaseUrl;
    process.env.YATRA_E2E_TEMPORAL_ADDRESS = stack.temporal.address;
    process.env.YATRA_E2E_TEMPORAL_NAMESPACE = stack.temporal.namespace;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stdout.write(`[e2e] Yatra is up at ${process.env.YATRA_E2E_BASE_URL} (${seconds}s)\n`);
  } catch (error) {
    await shutdown.run();
    throw error instanceof SetupError ? new Error(describeError(error)) : error;
  }
}
