import { fileURLToPath } from 'node:url';
import {
  Worker,
  bundleWorkflowCode,
  type NativeConnection,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Db } from '@yatra/db';
import { defaultRegistry, type NodeRegistry } from '@yatra/nodes';
import { createActivities, type JourneyActivities } from './activities';
import { createSandboxChannel } from './channels/sandbox-channel';
import { TASK_QUEUE } from './config';
import { createLoyaltyNightlyActivities } from './loyalty/nightly-activities';

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
  registry?: NodeRegistry;
  /** Replace activities in tests; typed from createActivities so fakes cannot drift. */
  overrides?: Partial<JourneyActivities>;
  bundle?: WorkflowBundleWithSourceMap;
}

/**
 * A Temporal worker for journeys: the workflows bundle plus activities on the real database
 * and the sandbox channel.
 * @example const worker = await createJourneyWorker({ connection, db }); await worker.run();
 */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const { db, registry = defaultRegistry } = options;
  const activities = {
    ...createActivities({ db, registry, channels: createSandboxChannel(db) }),
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
