// `npm run bench -- engine [--customers N] [--rounds R] [--warmup W]`
//
// Wall time to run N customers through a 10-action journey (trigger → 10 × message.send → exit)
// via Yatra's interpreter workflow vs a hand-written Temporal workflow calling the same
// activities with the same inputs — side by side, one worker, one real Temporal dev server, one
// embedded PostgreSQL. Goal (reported, not asserted): ratio ≤ 1.10.
//
// Both variants are started directly with the Temporal client (the dispatcher is not measured);
// a round's time runs from the first start to the last result. Both are warmed up, then rounds
// alternate (Y B, B Y, …) and the median per variant is reported. Progress goes to stderr; stdout
// gets the table and, last, one JSON line.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  Client,
  Connection,
  type HistoryAndWorkflowId,
  type WorkflowHandle,
} from '@temporalio/client';
import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import {
  createDb,
  createJourney,
  createRun,
  migrateDb,
  publishJourneyVersion,
  type PoolDb,
} from '@yatra/db';
import {
  compile,
  defaultRegistry,
  type CompiledJourney,
  type CustomerEvent,
  type CustomerSnapshot,
} from '@yatra/nodes';
import { createActivities, type JourneyActivities } from '@yatra/worker/activities';
import { createSandboxChannel } from '@yatra/worker/channels/sandbox-channel';
import { createJourneyWorker, workflowBundle } from '@yatra/worker/create-worker';
import type { JourneyWorkflowInput } from '@yatra/workflows';
import { startEphemeralPostgres } from '../scripts/lib/postgres';
import { Shutdown } from '../scripts/lib/processes';
import { startEphemeralTemporal } from '../scripts/lib/temporal';
import {
  BOOKKEEPING_ACTIVITY_OPTIONS,
  SEND_ACTIVITY_OPTIONS,
  SEND_NODE_TYPE,
  SEND_NODE_VERSION,
  SEND_NODES,
  benchJourneyDocument,
} from './engine/journey';
import { cpuMeter, type CpuReading } from './engine/cpu';
import { parseFlags } from './lib/flags';
import { round } from './lib/stats';
import { table } from './lib/table';
import type { HandWrittenInput } from './engine/hand-written';

const TASK_QUEUE = 'yatra-bench-engine';
const workflowsPath = fileURLToPath(new URL('./engine/workflows.ts', import.meta.url));
/** Only the hand-written workflow: replayed to show what the shared bundle costs each workflow. */
const handWrittenOnlyPath = fileURLToPath(
  new URL('./engine/hand-written-workflows.ts', import.meta.url),
);

type Variant = 'yatra' | 'baseline';
const VARIANTS = {
  yatra: { label: 'yatra (interpreter)', workflowType: 'journeyWorkflow' },
  baseline: { label: 'hand-written', workflowType: 'handWrittenWorkflow' },
} as const satisfies Record<Variant, { label: string; workflowType: string }>;

const parseOptions = (args: string[]) =>
  parseFlags(args, {
    bench: 'engine',
    defaults: { customers: 200, rounds: 3, warmup: 20 },
    flags: { '--customers': 'customers', '--rounds': 'rounds', '--warmup': 'warmup' },
    min: { warmup: 0 },
    usage: '[--customers N] [--rounds R] [--warmup W] (whole numbers, N and R ≥ 1)',
  });

const progress = (line: string) => process.stderr.write(`[bench:engine] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Fairness check: both variants must hand the activities the same inputs.

/** Fields that differ between any two runs (clock readings, generated ids), masked for comparison. */
const VOLATILE_KEYS = new Set(['now', 'at', 'enteredAt', 'windowEndsAt', 'messageId']);

/** The run's own ids masked, volatile fields masked, keys sorted: equal iff the inputs match. */
function canonical(value: unknown, runId: string): unknown {
  if (typeof value === 'string') return value.split(runId).join('<runId>');
  if (Array.isArray(value)) return value.map((item) => canonical(item, runId));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, VOLATILE_KEYS.has(k) ? '<volatile>' : canonical(v, runId)]),
    );
  }
  return value;
}

/** Wraps the real activities to record, for chosen runs, every input they receive. */
function recordingActivities(db: PoolDb) {
  const real = createActivities({
    db,
    registry: defaultRegistry,
    channels: createSandboxChannel(db),
  });
  const watched = new Map<string, string[]>();
  const note = (runId: string, name: string, input: unknown) => {
    watched.get(runId)?.push(`${name} ${JSON.stringify(canonical(input, runId))}`);
  };
  const overrides: Partial<JourneyActivities> = {
    async executeNode(input) {
      note(input.state.run.runId, 'executeNode', input);
      return real.executeNode(input);
    },
    async recordSteps(input) {
      note(input.runId, 'recordSteps', input);
      return real.recordSteps(input);
    },
    async finishRun(input) {
      note(input.runId, 'finishRun', input);
      return real.finishRun(input);
    },
  };
  return {
    overrides,
    watch: (runId: string) => void watched.set(runId, []),
    calls: (runId: string) => watched.get(runId) ?? [],
  };
}

/** The interpreter's activity options for an action node (see workflows/src/journey-workflow.ts). */
function interpreterSendOptions() {
  const def = defaultRegistry.get(SEND_NODE_TYPE, SEND_NODE_VERSION);
  return {
    startToCloseTimeout: def?.timeoutMs ?? 60_000,
    retry: {
      initialInterval: def?.retry?.initialIntervalMs ?? 1_000,
      maximumAttempts: def?.retry?.maximumAttempts ?? 0,
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Runs

interface Journey {
  journeyId: string;
  versionId: string;
  ir: CompiledJourney;
}

function customerOf(i: number): { customer: CustomerSnapshot; entryEvent: CustomerEvent } {
  const id = `bench-customer-${i}`;
  return {
    customer: {
      id,
      name: `Customer ${i}`,
      phone: `+9198${String(i).padStart(8, '0')}`,
      email: `c${i}@example.com`,
      language: 'en',
      timeZone: 'Asia/Kolkata',
      attributes: {},
    },
    entryEvent: {
      id: i + 1,
      type: 'order.placed',
      customerId: id,
      occurredAt: '2025-01-15T10:00:00.000Z',
      properties: {
        orderId: `order-${i}`,
        total: 129_900,
        paymentMethod: 'prepaid',
        items: [{ sku: 'SERUM-30', qty: 1 }],
      },
    },
  };
}

interface PreparedRun {
  workflowId: string;
  runId: string;
  args: [JourneyWorkflowInput] | [HandWrittenInput];
}

/** Creates the runs' rows (as the dispatcher would) before the clock starts. */
async function prepareRuns(
  db: PoolDb,
  journey: Journey,
  variant: Variant,
  tag: string,
  customers: number,
): Promise<PreparedRun[]> {
  return Promise.all(
    Array.from({ length: customers }, async (_, i) => {
      const { customer, entryEvent } = customerOf(i);
      const workflowId = `bench/${variant}/${tag}/${i}`;
      const { run } = await createRun(db, {
        journeyId: journey.journeyId,
        versionId: journey.versionId,
        customerId: customer.id,
        entryEventId: null,
        workflowId,
        enteredAt: new Date(),
      });
      const identity = {
        journeyId: journey.journeyId,
        versionId: journey.versionId,
        runId: run.id,
        customerId: customer.id,
      };
      const args: PreparedRun['args'] =
        variant === 'yatra'
          ? [{ ir: journey.ir, run: identity, customer, entryEvent }]
          : [{ run: identity, customer, entryEvent }];
      return { workflowId, runId: run.id, args };
    }),
  );
}

/** Starts every run at once and waits for all results: wall ms from the first start to the last result. */
async function timeRuns(client: Client, variant: Variant, runs: PreparedRun[]): Promise<number> {
  const { workflowType } = VARIANTS[variant];
  const started = performance.now();
  const results = await Promise.all(
    runs.map(async (run) => {
      const handle: WorkflowHandle = await client.workflow.start(workflowType, {
        taskQueue: TASK_QUEUE,
        workflowId: run.workflowId,
        args: run.args,
      });
      return (await handle.result()) as unknown;
    }),
  );
  const elapsed = performance.now() - started;
  const failed = results.filter(
    (r) => typeof r !== 'object' || r === null || Reflect.get(r, 'reason') !== 'completed',
  );
  if (failed.length > 0)
    throw new Error(
      `${variant}: ${failed.length} run(s) did not complete: ${JSON.stringify(failed[0])}`,
    );
  return elapsed;
}

// ---------------------------------------------------------------------------------------------
// Profile: what each variant's histories look like.

interface Profile {
  activities: number;
  workflowTasks: number;
  historyEvents: number;
  historyBytes: number;
  workflowInputBytes: number;
  activityInputBytes: number;
  /** Mean per workflow task, server-side started → completed (worker processing + round trip). */
  workflowTaskMs: number;
  /** Mean per activity, scheduled → started (queueing for a slot). */
  activityQueueMs: number;
  /** Mean per activity, started → completed. */
  activityRunMs: number;
  /** Median over replays of all the round's histories, per customer: the workflow code's own CPU. */
  replayMs: number;
}

type Timestamp =
  | { seconds?: { toNumber(): number } | number | string | null; nanos?: number | null }
  | null
  | undefined;
const tsMs = (t: Timestamp): number =>
  t
    ? Number(typeof t.seconds === 'object' && t.seconds ? t.seconds.toNumber() : (t.seconds ?? 0)) *
        1000 +
      (t.nanos ?? 0) / 1e6
    : 0;
const payloadBytes = (payloads: { data?: Uint8Array | null }[] | null | undefined): number =>
  (payloads ?? []).reduce((sum, p) => sum + (p.data?.length ?? 0), 0);

async function profileRuns(
  client: Client,
  runs: PreparedRun[],
): Promise<{ profile: Profile; histories: HistoryAndWorkflowId[] }> {
  const histories: HistoryAndWorkflowId[] = [];
  const totals: Profile = {
    activities: 0,
    workflowTasks: 0,
    historyEvents: 0,
    historyBytes: 0,
    workflowInputBytes: 0,
    activityInputBytes: 0,
    workflowTaskMs: 0,
    activityQueueMs: 0,
    activityRunMs: 0,
    replayMs: 0,
  };
  for (const run of runs) {
    const handle = client.workflow.getHandle(run.workflowId);
    const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
    histories.push({ workflowId: run.workflowId, history });
    const events = history.events ?? [];
    const timeById = new Map<string, number>();
    for (const e of events) timeById.set(String(e.eventId), tsMs(e.eventTime));
    const at = (id: unknown) => timeById.get(String(id)) ?? 0;
    totals.historyEvents += events.length;
    totals.historyBytes += description.historySize ?? 0;
    for (const e of events) {
      const time = tsMs(e.eventTime);
      if (e.workflowExecutionStartedEventAttributes)
        totals.workflowInputBytes += payloadBytes(
          e.workflowExecutionStartedEventAttributes.input?.payloads,
        );
      if (e.activityTaskScheduledEventAttributes) {
        totals.activities += 1;
        totals.activityInputBytes += payloadBytes(
          e.activityTaskScheduledEventAttributes.input?.payloads,
        );
      }
      if (e.activityTaskStartedEventAttributes)
        totals.activityQueueMs += time - at(e.activityTaskStartedEventAttributes.scheduledEventId);
      if (e.activityTaskCompletedEventAttributes)
        totals.activityRunMs += time - at(e.activityTaskCompletedEventAttributes.startedEventId);
      if (e.workflowTaskCompletedEventAttributes) {
        totals.workflowTasks += 1;
        totals.workflowTaskMs += time - at(e.workflowTaskCompletedEventAttributes.startedEventId);
      }
    }
  }
  const n = runs.length;
  const profile: Profile = {
    activities: totals.activities / n,
    workflowTasks: totals.workflowTasks / n,
    historyEvents: totals.historyEvents / n,
    historyBytes: totals.historyBytes / n,
    workflowInputBytes: totals.workflowInputBytes / n,
    activityInputBytes: totals.activities ? totals.activityInputBytes / totals.activities : 0,
    workflowTaskMs: totals.workflowTasks ? totals.workflowTaskMs / totals.workflowTasks : 0,
    activityQueueMs: totals.activities ? totals.activityQueueMs / totals.activities : 0,
    activityRunMs: totals.activities ? totals.activityRunMs / totals.activities : 0,
    replayMs: 0,
  };
  return { profile, histories };
}

/** Replays histories on a replay worker (no server, no activities): workflow-side CPU, ms. */
async function replay(
  bundle: WorkflowBundleWithSourceMap,
  histories: HistoryAndWorkflowId[],
): Promise<number> {
  const started = performance.now();
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: bundle, replayName: 'bench-engine' },
    histories,
  )) {
    if (result.error)
      throw new Error(`replay of ${result.workflowId} failed: ${result.error.message}`);
  }
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Output

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

// ---------------------------------------------------------------------------------------------

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const sendOptions = interpreterSendOptions();
  if (JSON.stringify(sendOptions) !== JSON.stringify(SEND_ACTIVITY_OPTIONS)) {
    throw new Error(
      `The hand-written workflow's activity options drifted from the interpreter's: ${JSON.stringify(sendOptions)} vs ${JSON.stringify(SEND_ACTIVITY_OPTIONS)}`,
    );
  }
  // Temporal's warnings (TS and native) go to stderr with the progress lines: stdout is the report.
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ level, message, meta }) =>
      process.stderr.write(
        `[temporal] ${level} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}\n`,
      ),
    ),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });

  const shutdown = new Shutdown();
  shutdown.installSignalHandlers();
  try {
    progress('starting embedded PostgreSQL and a Temporal dev server…');
    // Started together; each is registered for shutdown as soon as it is up, even if the other fails.
    const [pgStarted, temporalStarted] = await Promise.allSettled([
      startEphemeralPostgres().then((handle) => (shutdown.add('postgres', handle.stop), handle)),
      startEphemeralTemporal().then((handle) => (shutdown.add('temporal', handle.stop), handle)),
    ]);
    if (pgStarted.status === 'rejected') throw pgStarted.reason;
    if (temporalStarted.status === 'rejected') throw temporalStarted.reason;
    const [pg, temporal] = [pgStarted.value, temporalStarted.value];
    const dbHandle = createDb(pg.url);
    shutdown.add('db', dbHandle.close);
    const db = dbHandle.db;
    await migrateDb(db);

    const document = benchJourneyDocument();
    const compiled = compile(document);
    if (!compiled.ok)
      throw new Error(`bench journey does not compile: ${JSON.stringify(compiled.errors)}`);
    const created = await createJourney(db, { name: compiled.ir.name, graph: document });
    const version = await publishJourneyVersion(db, {
      journeyId: created.id,
      graph: document,
      ir: compiled.ir,
      triggerEvent: compiled.ir.trigger.event,
    });
    const journey: Journey = { journeyId: created.id, versionId: version.id, ir: compiled.ir };

    progress('bundling workflows, starting the worker…');
    const bundle = await workflowBundle(workflowsPath);
    const nativeConnection = await NativeConnection.connect({ address: temporal.address });
    shutdown.add('worker connection', () => nativeConnection.close());
    const connection = await Connection.connect({ address: temporal.address });
    shutdown.add('client connection', () => connection.close());
    const client = new Client({ connection, namespace: temporal.namespace });
    const recording = recordingActivities(db);
    const worker: Worker = await createJourneyWorker({
      connection: nativeConnection,
      namespace: temporal.namespace,
      db,
      taskQueue: TASK_QUEUE,
      bundle,
      overrides: recording.overrides,
    });
    const running = worker.run();
    let workerError: unknown;
    running.catch((error: unknown) => {
      workerError = error;
    });
    shutdown.add('worker', async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
    });
    const checkWorker = () => {
      if (workerError !== undefined) throw new Error(`the worker stopped: ${String(workerError)}`);
    };

    // Warm-up (JIT, worker caches, Temporal and PostgreSQL) and the fairness check on customer 0.
    const order: Variant[] = ['yatra', 'baseline'];
    const warm: Record<Variant, PreparedRun[]> = { yatra: [], baseline: [] };
    if (options.warmup > 0) {
      progress(`warm-up: ${options.warmup} customers per variant…`);
      for (const variant of order) {
        warm[variant] = await prepareRuns(db, journey, variant, 'warmup', options.warmup);
        const first = warm[variant][0];
        if (first) recording.watch(first.runId);
        await timeRuns(client, variant, warm[variant]);
        checkWorker();
      }
    }
    const yatraCalls = warm.yatra[0] ? recording.calls(warm.yatra[0].runId) : [];
    const baselineCalls = warm.baseline[0] ? recording.calls(warm.baseline[0].runId) : [];
    const sameInputs = yatraCalls.length > 0 && yatraCalls.join('\n') === baselineCalls.join('\n');
    if (options.warmup > 0 && !sameInputs) {
      const differing = yatraCalls.findIndex((call, i) => call !== baselineCalls[i]);
      const at = differing >= 0 ? differing : Math.min(yatraCalls.length, baselineCalls.length);
      const [y, b] = [yatraCalls[at] ?? '(none)', baselineCalls[at] ?? '(none)'];
      let c = 0;
      while (c < y.length && y[c] === b[c]) c++;
      const near = (text: string) => `…${text.slice(Math.max(0, c - 120), c + 80)}…`;
      throw new Error(
        `the hand-written workflow no longer passes the activities what the interpreter passes (call ${at + 1}, ` +
          `character ${c}); update bench/engine/hand-written.ts:\n  yatra:    ${near(y)}\n  baseline: ${near(b)}`,
      );
    }

    // Timed rounds, alternating which variant goes first; CPU charged per component.
    const readCpu = cpuMeter({
      temporalPort: Number(temporal.address.split(':').pop()),
      pgDataDir: pg.dataDir,
    });
    const times: Record<Variant, number[]> = { yatra: [], baseline: [] };
    const cpu: Record<Variant, CpuReading> = {
      yatra: { benchMs: 0, temporalMs: 0, postgresMs: 0 },
      baseline: { benchMs: 0, temporalMs: 0, postgresMs: 0 },
    };
    const last: Record<Variant, PreparedRun[]> = { yatra: [], baseline: [] };
    for (let r = 0; r < options.rounds; r++) {
      for (const variant of r % 2 === 0 ? order : [...order].reverse()) {
        const runs = await prepareRuns(db, journey, variant, `round-${r + 1}`, options.customers);
        const before = readCpu();
        const ms = await timeRuns(client, variant, runs);
        const after = readCpu();
        checkWorker();
        times[variant].push(ms);
        const sum = cpu[variant];
        const delta = (a: number | null, b: number | null, acc: number | null) =>
          a === null || b === null || acc === null ? null : acc + b - a;
        cpu[variant] = {
          benchMs: sum.benchMs + after.benchMs - before.benchMs,
          temporalMs: delta(before.temporalMs, after.temporalMs, sum.temporalMs),
          postgresMs: delta(before.postgresMs, after.postgresMs, sum.postgresMs),
        };
        last[variant] = runs;
        progress(
          `round ${r + 1}/${options.rounds} ${VARIANTS[variant].label}: ${options.customers} customers in ${ms.toFixed(0)} ms`,
        );
      }
    }

    progress('reading the last round’s histories…');
    const profiled = {
      yatra: await profileRuns(client, last.yatra),
      baseline: await profileRuns(client, last.baseline),
    };
    const profiles: Record<Variant, Profile> = {
      yatra: profiled.yatra.profile,
      baseline: profiled.baseline.profile,
    };
    progress('replaying them to time the workflow code alone…');
    const slimBundle = await workflowBundle(handWrittenOnlyPath);
    const replays: Record<Variant | 'slim', number[]> = { yatra: [], baseline: [], slim: [] };
    for (let r = 0; r < 3; r++) {
      for (const variant of r % 2 === 0 ? order : [...order].reverse()) {
        replays[variant].push(await replay(bundle, profiled[variant].histories));
      }
      replays.slim.push(await replay(slimBundle, profiled.baseline.histories));
    }
    for (const variant of order)
      profiles[variant].replayMs = median(replays[variant]) / profiled[variant].histories.length;
    const slimReplayMs = median(replays.slim) / profiled.baseline.histories.length;

    const yatraMs = median(times.yatra);
    const baselineMs = median(times.baseline);
    const ratio = yatraMs / baselineMs;
    const perSecond = (ms: number) => options.customers / (ms / 1000);

    const out: string[] = [];
    out.push(
      `Engine bench: ${options.customers} customers × (trigger → ${SEND_NODES.length} × message.send → exit), ` +
        `${options.rounds} alternating round(s) per variant after ${options.warmup} warm-up customers; one worker, ` +
        'Temporal dev server (in-memory), embedded PostgreSQL, sandbox channel.',
      `Activity inputs identical across variants (checked on a warm-up customer): ${options.warmup > 0 ? 'yes' : 'not checked (--warmup 0)'}`,
      `Activity options: sends ${JSON.stringify(SEND_ACTIVITY_OPTIONS)} (checked against the node registry, as the interpreter derives them); ` +
        `finishRun ${JSON.stringify(BOOKKEEPING_ACTIVITY_OPTIONS)} (as in workflows/src/journey-workflow.ts)`,
      '',
      table(
        ['variant', 'customers', 'median ms', 'customers/s', 'activities/customer', 'rounds ms'],
        order.map((variant) => [
          VARIANTS[variant].label,
          options.customers,
          median(times[variant]).toFixed(0),
          perSecond(median(times[variant])).toFixed(1),
          round(profiles[variant].activities, 2),
          times[variant].map((ms) => ms.toFixed(0)).join(' / '),
        ]),
      ),
      '',
      `ratio (yatra / hand-written): ${ratio.toFixed(3)}   goal ≤ 1.10: ${ratio <= 1.1 ? 'met' : 'NOT met'}`,
      `ratio within each round (the two variants ran back to back): ${times.yatra.map((ms, i) => (ms / (times.baseline[i] ?? NaN)).toFixed(3)).join(' / ')}`,
      '',
      'Per customer, last round (from Temporal histories):',
      table(
        [
          'variant',
          'activities',
          'workflow tasks',
          'history events',
          'history bytes',
          'start input bytes',
          'activity input bytes',
          'wf task ms',
          'activity queue ms',
          'activity run ms',
          'replay ms',
        ],
        order.map((variant) => {
          const p = profiles[variant];
          return [
            VARIANTS[variant].label,
            round(p.activities, 2),
            round(p.workflowTasks, 2),
            round(p.historyEvents, 1),
            Math.round(p.historyBytes),
            Math.round(p.workflowInputBytes),
            Math.round(p.activityInputBytes),
            p.workflowTaskMs.toFixed(2),
            p.activityQueueMs.toFixed(1),
            p.activityRunMs.toFixed(1),
            p.replayMs.toFixed(2),
          ];
        }),
      ),
      'wf task ms: mean per workflow task, started → completed on the server (worker processing + round trip);',
      'activity queue/run ms: mean per activity, scheduled → started / started → completed;',
      'replay ms: replaying the histories on a replay worker (no server, no activities) — the workflow code alone.',
      '',
      `CPU ms per customer over the timed rounds (less sensitive than wall time to other load on the machine):`,
      table(
        ['variant', 'worker + client (this process)', 'Temporal server', 'PostgreSQL', 'total'],
        order.map((variant) => {
          const c = cpu[variant];
          const per = (ms: number | null) =>
            ms === null ? 'n/a' : (ms / (options.customers * options.rounds)).toFixed(2);
          const total =
            c.temporalMs === null || c.postgresMs === null
              ? null
              : c.benchMs + c.temporalMs + c.postgresMs;
          return [
            VARIANTS[variant].label,
            per(c.benchMs),
            per(c.temporalMs),
            per(c.postgresMs),
            per(total),
          ];
        }),
      ),
      '',
      `Replaying the hand-written histories on a bundle holding only that workflow: ${slimReplayMs.toFixed(2)} ms per customer ` +
        `(vs ${profiles.baseline.replayMs.toFixed(2)} ms in the shared bundle, which evaluates all of @yatra/nodes for every workflow).`,
      '',
      JSON.stringify({
        customers: options.customers,
        yatra_ms: round(yatraMs, 1),
        baseline_ms: round(baselineMs, 1),
        ratio: round(ratio, 3),
        yatra_customers_per_s: round(perSecond(yatraMs), 1),
        baseline_customers_per_s: round(perSecond(baselineMs), 1),
      }),
    );
    progress('stopping…');
    await shutdown.run();
    console.log(out.join('\n'));
  } finally {
    await shutdown.run();
  }
}
