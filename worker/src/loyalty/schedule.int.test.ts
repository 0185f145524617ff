import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollMember, upsertCustomer } from '@yatra/db';
import { tieredProgram } from '@yatra/db/queries/loyalty/tiers-testing';
import { startTestDb, type TestDb } from '@yatra/db/testing/test-db';
import type { LoyaltyNightlySummary } from '@yatra/workflows';
import { startEphemeralTemporal, type TemporalHandle } from '../../../scripts/lib/temporal';
import { createJourneyWorker } from '../create-worker';
import { ensureLoyaltySchedule, LOYALTY_SCHEDULE_ID } from './schedule';

// The real Temporal Schedule on the CLI dev server (the time-skipping test server implements no
// schedules; nightly.int.test.ts drives the same workflow per virtual day there).

let temporal: TemporalHandle;
let connection: Connection;
let client: Client;
beforeAll(async () => {
  temporal = await startEphemeralTemporal();
  connection = await Connection.connect({ address: temporal.address });
  client = new Client({ connection, namespace: temporal.namespace });
}, 120_000);
afterAll(async () => {
  await connection?.close();
  await temporal?.stop();
});

const handle = () => client.schedule.getHandle(LOYALTY_SCHEDULE_ID);

describe('ensureLoyaltySchedule', () => {
  it('creates loyalty-nightly at 02:00 Asia/Kolkata, skipping overlaps', async () => {
    expect(await ensureLoyaltySchedule(client, { taskQueue: 'loyalty-a' })).toBe('created');
    const schedule = await handle().describe();
    expect(schedule.spec.timezone).toBe('Asia/Kolkata');
    expect(schedule.spec.calendars).toHaveLength(1);
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 2, end: 2, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    });
    expect(schedule.policies.overlap).toBe('SKIP');
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'loyaltyNightlyWorkflow',
      taskQueue: 'loyalty-a',
    });
    // The server's own reading of the spec: every day at 20:30 UTC (02:00 IST, no DST).
    const next = schedule.info.nextActionTimes;
    expect(next.length).toBeGreaterThanOrEqual(3);
    for (const at of next) expect(at.toISOString().slice(11, 19)).toBe('20:30:00');
    expect(next.slice(1).map((at, i) => at.getTime() - (next[i]?.getTime() ?? 0))).toEqual(
      next.slice(1).map(() => 86_400_000),
    );
  });

  it('is idempotent: a second start updates the one schedule in place', async () => {
    expect(await ensureLoyaltySchedule(client, { taskQueue: 'loyalty-b' })).toBe('updated');
    const schedule = await handle().describe();
    expect(schedule.action).toMatchObject({ taskQueue: 'loyalty-b' });
    expect(schedule.spec.timezone).toBe('Asia/Kolkata');
    const ids: string[] = [];
    for await (const s of client.schedule.list()) ids.push(s.scheduleId);
    expect(ids.filter((id) => id === LOYALTY_SCHEDULE_ID)).toHaveLength(1);
  });

  it("its action runs loyaltyNightlyWorkflow on the worker, at the action's time", async () => {
    let db: TestDb | undefined;
    let nativeConnection: NativeConnection | undefined;
    let worker: Worker | undefined;
    let running: Promise<void> | undefined;
    try {
      db = await startTestDb();
      await tieredProgram(db.db);
      await upsertCustomer(db.db, { id: 'scheduled-1' });
      await enrollMember(db.db, { customerId: 'scheduled-1', joinedAt: new Date('2020-01-01') });
      nativeConnection = await NativeConnection.connect({ address: temporal.address });
      worker = await createJourneyWorker({
        connection: nativeConnection,
        namespace: temporal.namespace,
        db: db.db,
        taskQueue: 'loyalty-b',
      });
      running = worker.run();
      const before = Date.now();
      await handle().trigger();
      const workflowId = await firstActionWorkflowId();
      const summary: LoyaltyNightlySummary = await client.workflow.getHandle(workflowId).result();
      expect(summary.at).toBeGreaterThanOrEqual(before - 1_000);
      expect(summary.at).toBeLessThanOrEqual(Date.now());
      expect(summary.tiers).toMatchObject({ initial: 1, upgrades: 0, downgrades: 0 });
    } finally {
      worker?.shutdown();
      await running;
      await nativeConnection?.close();
      await db?.stop();
    }
  });
});

async function firstActionWorkflowId(): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [action] = (await handle().describe()).info.recentActions;
    if (action) return action.action.workflow.workflowId;
    if (Date.now() > deadline) throw new Error('the schedule took no action within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
