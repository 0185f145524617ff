// The worker process: runs journey workflows and activities, and dispatches committed events.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createDb } from '@yatra/db';
import { TASK_QUEUE, temporalSettings } from './config';
import { createJourneyWorker } from './create-worker';
import { startDispatcher } from './dispatcher';
import { ensureLoyaltySchedule } from './loyalty/schedule';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set (npm start sets it; see README "Configuration").');
  const { address, namespace } = temporalSettings();
  const { db, close } = createDb(url);
  // Connect first: a Worker.create that fails on a dead address would keep the process alive.
  const connection = await NativeConnection.connect({ address });
  const client = new Client({ connection: await Connection.connect({ address }), namespace });
  const worker = await createJourneyWorker({ connection, namespace, db });
  // The nightly loyalty job (02:00 Asia/Kolkata); idempotent, so every worker start may ensure it.
  console.log(`loyalty schedule ${await ensureLoyaltySchedule(client, { taskQueue: TASK_QUEUE })}`);
  const stopDispatcher = startDispatcher(
    { db, client, taskQueue: TASK_QUEUE },
    {
      onError: (error) =>
        console.error('[dispatcher]', error instanceof Error ? error.message : error),
    },
  );
  const shutdown = () => worker.shutdown();
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(`worker ready: task queue ${TASK_QUEUE} on ${address}/${namespace}`);
  await worker.run();
  await stopDispatcher();
  await connection.close();
  await close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
