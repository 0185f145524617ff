import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import type { LoyaltyNightlyInput } from '@yatra/workflows';

// The nightly loyalty job runs at 02:00 India time: after the day's orders, before anyone reads
// the morning's messages (DOMAIN.md §4).

export const LOYALTY_SCHEDULE_ID = 'loyalty-nightly';
export const LOYALTY_SCHEDULE_TIME_ZONE = 'Asia/Kolkata';

/** The schedule as Yatra wants it; ensureLoyaltySchedule makes the server's copy match. */
export function loyaltyScheduleOptions(taskQueue: string): ScheduleOptions {
  const args: [LoyaltyNightlyInput] = [{}];
  return {
    scheduleId: LOYALTY_SCHEDULE_ID,
    spec: {
      calendars: [{ hour: 2, minute: 0, comment: 'every day at 02:00' }],
      timezone: LOYALTY_SCHEDULE_TIME_ZONE,
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'loyaltyNightlyWorkflow',
      // The schedule appends the action time, so each night is its own workflow id.
      workflowId: LOYALTY_SCHEDULE_ID,
      taskQueue,
      args,
    },
    policies: {
      // A night still running when the next is due (a huge backlog) is not run twice at once.
      overlap: ScheduleOverlapPolicy.SKIP,
      // After an outage, still run a night missed by up to a day; warnings catch up by design.
      catchupWindow: '1 day',
    },
  };
}

/**
 * Creates the `loyalty-nightly` schedule, or updates it to the current spec and action if it
 * exists (worker startup; idempotent, and safe with several workers starting at once).
 * @example await ensureLoyaltySchedule(client, { taskQueue: TASK_QUEUE }); // 'created' | 'updated'
 */
export async function ensureLoyaltySchedule(
  client: Client,
  options: { taskQueue: string },
): Promise<'created' | 'updated'> {
  const desired = loyaltyScheduleOptions(options.taskQueue);
  try {
    await client.schedule.create(desired);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(LOYALTY_SCHEDULE_ID).update((previous) => ({
    ...previous,
    spec: desired.spec,
    action: desired.action,
    policies: { ...previous.policies, ...desired.policies },
  }));
  return 'updated';
}
