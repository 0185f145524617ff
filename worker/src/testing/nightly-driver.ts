// Drives the nightly loyalty job on the time-skipping test server. That server does not implement
// Temporal Schedules, so this reproduces the schedule's semantics instead: skip virtual time to
// each day's 02:00 Asia/Kolkata and start loyaltyNightlyWorkflow then, as the schedule's action
// would (its business "now" is the workflow clock). ensureLoyaltySchedule's spec itself is
// tested against the real dev server (worker/src/loyalty/schedule.int.test.ts).
import { WorkflowClient } from '@temporalio/client';
import type { LoyaltyNightlySummary, loyaltyNightlyWorkflow } from '@yatra/workflows';
import type { JourneyTestEnv } from './journey-test-env';

const MINUTE_MS = 60_000;
/** India has one offset all year (no daylight saving): 02:00 IST is always 20:30 UTC. */
const KOLKATA_OFFSET_MS = 330 * MINUTE_MS;
const DAY_MS = 86_400_000;

/** The first 02:00 Asia/Kolkata strictly after `afterMs`. */
export function nextNightlyRun(afterMs: number): number {
  const local = afterMs + KOLKATA_OFFSET_MS;
  const todayAtTwo = Math.floor(local / DAY_MS) * DAY_MS + 2 * 60 * MINUTE_MS;
  const next = todayAtTwo > local ? todayAtTwo : todayAtTwo + DAY_MS;
  return next - KOLKATA_OFFSET_MS;
}

/**
 * Skips to `at` and runs one night there, as the schedule would start it. Waits through a plain
 * WorkflowClient: the test environment's client unlocks time skipping while it awaits a result,
 * and the server would then race ahead (to the run timeout, ten years on) mid-run.
 */
export async function runNightAt(
  t: JourneyTestEnv,
  at: number,
  input: { at?: number } = {},
): Promise<LoyaltyNightlySummary> {
  await t.sleepUntil(at);
  const workflows = new WorkflowClient({
    connection: t.client.connection,
    namespace: t.client.options.namespace,
  });
  return workflows.execute<typeof loyaltyNightlyWorkflow>('loyaltyNightlyWorkflow', {
    taskQueue: t.taskQueue,
    workflowId: `loyalty-nightly-${new Date(at).toISOString()}-${input.at ?? 'clock'}`,
    args: [input],
  });
}
