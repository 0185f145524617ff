import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDb,
  ingestEvents,
  listMessages,
  listRuns,
  migrateDb,
  publishJourneyVersion,
  createJourney,
  type PoolDb,
} from '@yatra/db';
import { startTestPostgres, type TestPostgres } from '@yatra/db/testing/embedded';
import { compile, type JourneyDocumentInput } from '@yatra/nodes';
import { startEphemeralTemporal, type TemporalHandle } from '../../scripts/lib/temporal';
import { repoRoot } from '../../scripts/lib/paths';

// Real processes: a Temporal dev server, PostgreSQL and the worker binary. The worker is killed
// with SIGKILL mid-journey while events keep arriving; after a restart every customer finishes
// with each message exactly once.

const journey: JourneyDocumentInput = {
  name: 'Crash drill',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
    { id: 'first', type: 'message.send', config: { templateId: 'first' } },
    {
      id: 'pause',
      type: 'flow.wait',
      config: { mode: 'duration', duration: { amount: 0.1, unit: 'minutes' } },
    }, // 6 s of real time
    { id: 'second', type: 'message.send', config: { templateId: 'second' } },
    { id: 'end', type: 'flow.exit', config: {} },
  ],
  edges: [
    { source: 'start', target: 'first' },
    { source: 'first', target: 'pause' },
    { source: 'pause', target: 'second' },
    { source: 'second', target: 'end' },
  ],
};

let pg: TestPostgres;
let temporal: TemporalHandle;
let db: PoolDb;
let closeDb: () => Promise<void>;
let worker: ChildProcess | undefined;

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      YATRA_TASK_QUEUE: 'crash-drill',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
  return child;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const orders = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({
    type: 'order.placed',
    customerId: `crash-${from + i}`,
    occurredAt: new Date(),
    idempotencyKey: `crash-order-${from + i}`,
    properties: { orderId: `co-${from + i}`, total: 10_000, paymentMethod: 'prepaid', items: [] },
  }));

beforeAll(async () => {
  [pg, temporal] = await Promise.all([startTestPostgres(), startEphemeralTemporal()]);
  const handle = createDb(pg.url);
  db = handle.db;
  closeDb = handle.close;
  await migrateDb(db);
  const compiled = compile(journey);
  if (!compiled.ok) throw new Error('crash drill journey does not compile');
  const created = await createJourney(db, { name: journey.name, graph: journey });
  await publishJourneyVersion(db, {
    journeyId: created.id,
    graph: journey,
    ir: compiled.ir,
    triggerEvent: 'order.placed',
  });
}, 180_000);

afterAll(async () => {
  worker?.kill('SIGKILL');
  await closeDb?.();
  await Promise.all([temporal?.stop(), pg?.stop()]);
});

describe('a worker killed mid-journey', () => {
  it('loses no customer and sends no message twice', async () => {
    worker = await startWorker();
    await ingestEvents(db, orders(0, 10));
    await until(
      'the first messages',
      async () => (await listMessages(db, { limit: 100 })).length >= 5,
      60_000,
    );

    worker.kill('SIGKILL'); // mid-journey: customers are inside their 6-second wait
    await once(worker, 'exit');
    await ingestEvents(db, orders(10, 15)); // accepted while no worker runs: must not be lost
    worker = await startWorker();

    await until(
      'every run to finish',
      async () => {
        const runs = await listRuns(db, {});
        return runs.length === 15 && runs.every((r) => r.status !== 'running');
      },
      120_000,
    );
    const runs = await listRuns(db, {});
    expect(runs.map((r) => r.exitReason)).toEqual(Array(15).fill('completed'));
    const sent = new Map<string, string[]>();
    for (const m of (await listMessages(db, { limit: 1000 })).reverse()) {
      sent.set(m.customerId, [...(sent.get(m.customerId) ?? []), m.templateId]);
    }
    expect(sent.size).toBe(15);
    for (const [customer, templates] of sent)
      expect([customer, templates]).toEqual([customer, ['first', 'second']]);
  });
});
