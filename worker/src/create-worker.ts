import { fileURLToPath } from 'node:url';
import {
  Worker,
  bundleWorkflowCode,
  type NativeConnection,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Db } from '@yatra/db';
import type { NodeRegistry } from '@yatra/nodes';
import { createActivities, type JourneyActivities } from './activities';
import { createChannelAdapters } from './channels/adapters';
import type { ChannelProvider } from './channels/channel-provider';
import { TASK_QUEUE, unsubscribeSettings } from './config';
import { createLoyaltyNightlyActivities } from './loyalty/nightly-activities';
import { nodeRegistry } from './node-registry';
import { createSendPipeline } from './sending/pipeline';

/** The workflows entry point the worker bundles. */
export const workflowsPath = fileURLToPath(
  new URL('../../workflows/src/index.ts', import.meta.url),
);

let cachedBundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflows once per process (tests start several workers). */
export function workflowBundle(path = workflowsPath): Promise<WorkflowBundleWithSourceMap> {
  if (path !== workflowsPath)
    return bundleWorkflowCode({ workflowsPath: path, logger: quietLogger });
  cachedBundle ??= bundleWorkflowCode({ workflowsPath: path, logger: quietLogger });
  return cachedBundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface JourneyWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  db: Db;
  taskQueue?: string;
  /** Node types; default the built-ins plus yatra.config.ts's custom nodes. */
  registry?: NodeRegistry;
  /** Replace activities in tests; typed from createActivities so fakes cannot drift. */
  overrides?: Partial<JourneyActivities>;
  /** Where sends go; default: the send pipeline with the adapters the environment configures. */
  channels?: ChannelProvider;
  bundle?: WorkflowBundleWithSourceMap;
}

/**
 * A Temporal worker for journeys: the workflows bundle plus activities on the real database
 * and the send pipeline (sandbox adapters unless the environment configures real ones).
 * @example const worker = await createJourneyWorker({ connection, db }); await worker.run();
 */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const { db, registry = nodeRegistry } = options;
  const activities = {
    ...createActivities({
      db,
      registry,
      channels:
        options.channels ??
        createSendPipeline({
          db,
          adapters: createChannelAdapters(),
          unsubscribe: unsubscribeSettings(),
        }),
    }),
    // The nightly loyalty job (loyaltyNightlyWorkflow) runs on the same task queue.
    ...createLoyaltyNightlyActivities({ db }),
    ...options.overrides,
  };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    workflowBundle: options.bundle ?? (await workflowBundle()),
    activities,
  });
}
