import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, percentBucket, postPurchase45, type SimulationResult } from '@yatra/nodes';
import { runCli } from '../../scripts/cli/run-cli';
import { createJourneyTestEnv, type JourneyTestEnv } from './testing/journey-test-env';
import { grantMarketing } from './sending/testing';

// The demo journey on the time-skipping Temporal server against real PostgreSQL: four customers
// whose 45 days differ, each checked step by step and against the simulator.

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/** A customer id that lands in the cross-sell treatment arm (90%), so the day-14 send is expected. */
function treatmentCustomer(journeyId: string, prefix: string): string {
  for (let i = 0; ; i++) {
    const id = `${prefix}-${i}`;
    if (percentBucket(`${journeyId}:cross_sell_split:${id}`) < 90) return id;
  }
}

const placed = (customerId: string, orderId: string, paymentMethod: 'cod' | 'prepaid') => ({
  type: 'order.placed',
  customerId,
  idempotencyKey: `${orderId}-placed`,
  properties: {
    orderId,
    total: 129_900,
    paymentMethod,
    items: [{ sku: 'SERUM-30', qty: 1 }],
    customer: { name: customerId.split('-')[0], phone: '+919812345678', timeZone: 'Asia/Kolkata' },
  },
});
const delivered = (customerId: string, orderId: string) => ({
  type: 'order.delivered',
  customerId,
  idempotencyKey: `${orderId}-delivered`,
  properties: { orderId },
});

describe('the 45-day demo journey on Temporal', () => {
  let journeyId: string;
  const ids = { prepaid: '', cod: '', reorder: '', undelivered: '' };
  const sentAt: Record<
    string,
    Array<{ type: string; at: number; properties: Record<string, unknown> }>
  > = {};

  beforeAll(async () => {
    ({ journeyId } = await t.publish(postPurchase45));
    ids.prepaid = treatmentCustomer(journeyId, 'priya');
    ids.cod = treatmentCustomer(journeyId, 'kabir');
    ids.reorder = treatmentCustomer(journeyId, 'meera');
    ids.undelivered = treatmentCustomer(journeyId, 'arjun');
    const track = async (events: ReturnType<typeof placed | typeof delivered>[]) => {
      const at = await t.now();
      for (const e of events)
        (sentAt[e.customerId] ??= []).push({ type: e.type, at, properties: e.properties });
      await t.send(...events);
    };
    await track([
      placed(ids.prepaid, 'o-prepaid', 'prepaid'),
      placed(ids.cod, 'o-cod', 'cod'),
      placed(ids.reorder, 'o-reorder', 'prepaid'),
      placed(ids.undelivered, 'o-undelivered', 'prepaid'),
    ]);
    // The day-14 and day-30 sends are marketing: they need the customer's grant (docs/sending.md).
    for (const customerId of Object.values(ids)) await grantMarketing(t.db, customerId);
    await t.sleepDays(3);
    await track([
      delivered(ids.prepaid, 'o-prepaid'),
      delivered(ids.cod, 'o-cod'),
      delivered(ids.reorder, 'o-reorder'),
    ]);
    await t.sleepDays(9);
    await track([placed(ids.reorder, 'o-reorder-2', 'prepaid')]);
    await t.finishAll();
    if (process.env.YATRA_RECORD_HISTORIES === '1') await recordHistories();
  }, 300_000);

  /** `YATRA_RECORD_HISTORIES=1` refreshes the histories replay.int.test.ts replays in CI. */
  async function recordHistories() {
    const folder = new URL('../../workflows/histories/', import.meta.url);
    mkdirSync(folder, { recursive: true });
    for (const [name, customerId] of Object.entries(ids)) {
      const [run] = await t.runs(customerId);
      const history = await t.client.workflow.getHandle(run!.workflowId).fetchHistory();
      if (history) writeFileSync(new URL(`demo-${name}.json`, folder), historyToJSON(history));
    }
  }

  /** Each message's template and whole virtual day since entry. */
  async function sends(customerId: string) {
    const [run] = await t.runs(customerId);
    const steps = await t.steps(run!.id);
    const entered = steps[0]!.at.getTime();
    const messages = await t.messages(customerId);
    return {
      run: run!,
      entered,
      steps,
      days: messages.map((m) => [
        m.templateId,
        Math.floor((m.createdAt.getTime() - entered) / DAY_MS),
      ]),
    };
  }

  it('(a) prepaid, delivered, no second order: every send on its day, then the window closes', async () => {
    const { run, entered, days } = await sends(ids.prepaid);
    expect(days).toEqual([
      ['order_confirmation', 0],
      ['how_to_use', 3],
      ['csat_request', 5],
      ['cross_sell_nudge', expect.any(Number)],
      ['loyalty_invite', expect.any(Number)],
    ]);
    // Day-14 and day-30 sends happen at 10:00 IST on those calendar days.
    const messages = await t.messages(ids.prepaid);
    for (const template of ['cross_sell_nudge', 'loyalty_invite']) {
      const at = messages.find((m) => m.templateId === template)!.createdAt;
      expect(at.toISOString().slice(11, 16)).toBe('04:30');
    }
    expect(run.status).toBe('completed');
    expect(run.exitReason).toBe('window_end');
    expect(Math.abs(run.exitedAt!.getTime() - (entered + 45 * DAY_MS))).toBeLessThan(60_000);
  });

  it('(b) a COD customer also gets the hassle-free returns reassurance', async () => {
    const { days, steps } = await sends(ids.cod);
    expect(days.slice(0, 3)).toEqual([
      ['order_confirmation', 0],
      ['cod_reassurance', 0],
      ['how_to_use', 3],
    ]);
    expect(steps.find((s) => s.nodeId === 'is_cod')?.port).toBe('yes');
  });

  it('(c) a second order on day 12 exits the customer at once, mid-wait, as a goal', async () => {
    const { run, entered, days, steps } = await sends(ids.reorder);
    expect(run.status).toBe('exited');
    expect(run.exitReason).toBe('goal');
    expect(Math.floor((run.exitedAt!.getTime() - entered) / DAY_MS)).toBe(12);
    expect(days.map(([template]) => template)).toEqual([
      'order_confirmation',
      'how_to_use',
      'csat_request',
    ]);
    expect(steps.at(-1)).toMatchObject({
      nodeId: 'day14',
      port: null,
      detail: { exit: 'goal', goal: 'second_order' },
    });
  });

  it('(d) an order.delivered that never comes takes the timeout branch on day 7', async () => {
    const { run, entered, days, steps } = await sends(ids.undelivered);
    expect(days).toEqual([
      ['order_confirmation', 0],
      ['delivery_delay', 7],
    ]);
    expect(steps.find((s) => s.nodeId === 'await_delivery' && s.port !== null)?.port).toBe(
      'timeout',
    );
    expect(run.exitReason).toBe('not_delivered');
    expect(Math.round((run.exitedAt!.getTime() - entered) / DAY_MS)).toBe(7);
  });

  it('`yatra simulate --json` predicts exactly the paths and sends Temporal ran', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yatra-sim-'));
    const journeyFile = path.join(dir, 'journey.json');
    writeFileSync(journeyFile, JSON.stringify(postPurchase45));
    for (const customerId of Object.values(ids)) {
      const { entered, steps } = await sends(customerId);
      const [entry, ...later] = sentAt[customerId]!;
      const customerFile = path.join(dir, `${customerId}.json`);
      const eventsFile = path.join(dir, `${customerId}-events.json`);
      writeFileSync(
        customerFile,
        JSON.stringify({
          id: customerId,
          name: customerId.split('-')[0],
          phone: '+919812345678',
          timeZone: 'Asia/Kolkata',
        }),
      );
      writeFileSync(
        eventsFile,
        JSON.stringify([
          { type: entry!.type, properties: entry!.properties },
          ...later.map((e) => ({
            type: e.type,
            at: new Date(e.at).toISOString(),
            properties: e.properties,
          })),
        ]),
      );
      const cli = await runCli([
        'simulate',
        journeyFile,
        '--customer',
        customerFile,
        '--events',
        eventsFile,
        '--start',
        new Date(entered).toISOString(),
        '--journey-id',
        journeyId,
        '--json',
      ]);
      expect(cli.stderr).toBe('');
      expect(cli.code).toBe(0);
      const sim: SimulationResult = JSON.parse(cli.stdout);
      expect(steps.map((s) => [s.nodeId, s.port])).toEqual(
        sim.steps.map((s) => [s.nodeId, s.port]),
      );
      const messages = await t.messages(customerId);
      expect(messages.map((m) => [m.templateId, m.variables])).toEqual(
        sim.messages.map((m) => [m.templateId, m.variables]),
      );
      for (const [i, s] of sim.steps.entries()) {
        expect(Math.abs(Date.parse(s.at) - steps[i]!.at.getTime())).toBeLessThan(60_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
