// Stops what global-setup.ts started, newest first: web, worker, Temporal, PostgreSQL.
import { takeE2eStack } from './stack-state';

export default async function globalTeardown(): Promise<void> {
  await takeE2eStack()?.run();
}
