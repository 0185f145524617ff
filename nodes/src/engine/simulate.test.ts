import { describe, it, expect } from 'vitest';
import { DAY_MS } from '../contract/durations';
import type { CustomerSnapshot } from '../contract/facts';
import { percentBucket } from '../contract/hash';
import { postPurchase45 } from '../demo/post-purchase-45';
import { compile } from '../journey/compile';
import type { JourneyDocumentInput } from '../journey/document';
import type { CompiledJourney } from '../journey/ir';
import { simulate, type ScriptedEvent, type SimulationResult } from './simulate';

function compiled(doc: JourneyDocumentInput): CompiledJourney {
  const result = compile(doc);
  if (!result.ok) throw new Error(`does not compile: ${JSON.stringify(result.errors)}`);
  return result.ir;
}

const ir = compiled(postPurchase45);

// Entry 2026-01-01T20:00Z is Jan 2 01:30 IST: "day N at 10:00 IST" counts from Jan 2.
const ENTRY = '2026-01-01T20:00:00.000Z';
const entryMs = Date.parse(ENTRY);
const afterDays = (days: number) => new Date(entryMs + days * DAY_MS).toISOString();

// Cohort assignment hashes `${journeyId}:${nodeId}:${customerId}`; journeyId is 'simulation'.
const bucketOf = (customerId: string) => percentBucket(`simulation:cross_sell_split:${customerId}`);
function customerIdWhere(test: (bucket: number) => boolean): string {
  for (let i = 0; i < 1000; i++) if (test(bucketOf(`cust_${i}`))) return `cust_${i}`;
  throw new Error('no customer id found');
}
const treatmentId = customerIdWhere((b) => b < 90);
const holdoutId = customerIdWhere((b) => b >= 90);

const customer = (id = treatmentId, extra: Partial<CustomerSnapshot> = {}): CustomerSnapshot => ({
  id,
  name: 'Asha',
  phone: '+919800000001',
  language: 'en',
  timeZone: 'Asia/Kolkata',
  attributes: {},
  ...extra,
});

function run(
  opts: { paymentMethod?: string; events?: ScriptedEvent[]; customer?: CustomerSnapshot } = {},
): Promise<SimulationResult> {
  return simulate(ir, {
    customer: opts.customer ?? customer(),
    entryEvent: {
      type: 'order.placed',
      occurredAt: ENTRY,
      properties: { orderId: 'o1', paymentMethod: opts.paymentMethod ?? 'prepaid', total: 129_900 },
    },
    events: opts.events ?? [],
  });
}

const delivered = (day: number, orderId = 'o1'): ScriptedEvent => ({
  type: 'order.delivered',
  day,
  properties: { orderId },
});
const sent = (r: SimulationResult) => r.messages.map((m) => [m.templateId, m.at]);

describe('simulate: the 45-day playbook', () => {
  it('picks customer ids on each side of the 90% split', () => {
    expect(bucketOf(treatmentId)).toBeLessThan(90);
    expect(bucketOf(holdoutId)).toBeGreaterThanOrEqual(90);
  });

  it('(a) prepaid, delivered on day 3, no second order: the full playbook, then window_end at day 45', async () => {
    const r = await run({ events: [delivered(3)] });
    expect(sent(r)).toEqual([
      ['order_confirmation', ENTRY],
      ['how_to_use', afterDays(3)],
      ['csat_request', afterDays(5)],
      ['cross_sell_nudge', '2026-01-16T04:30:00.000Z'], // Jan 16 10:00 IST = 14 calendar days after Jan 2
      ['loyalty_invite', '2026-02-01T04:30:00.000Z'], // Feb 1 10:00 IST = 30 calendar days after Jan 2
    ]);
    expect(r.messages.map((m) => m.day)).toEqual([0, 3, 5, 14.354, 30.354]);
    expect(r.exit).toEqual({
      reason: 'window_end',
      nodeId: 'window_end',
      at: afterDays(45),
      day: 45,
    });
    expect(r.path).toEqual([
      'first_order',
      'confirm',
      'is_cod',
      'await_delivery',
      'how_to_use',
      'wait_csat',
      'csat',
      'day14',
      'cross_sell_split',
      'cross_sell',
      'day30',
      'loyalty_invite',
      'window_end',
    ]);
  });

  it('(a) sends on WhatsApp with rendered variables and the right categories', async () => {
    const r = await run({ events: [delivered(3)] });
    expect(r.messages[0]).toMatchObject({
      nodeId: 'confirm',
      channel: 'whatsapp',
      category: 'utility',
      variables: { name: 'Asha', orderId: 'o1' },
    });
    expect(r.messages.find((m) => m.templateId === 'cross_sell_nudge')?.category).toBe('marketing');
    expect(r.messages.find((m) => m.templateId === 'loyalty_invite')?.category).toBe('marketing');
    const anonymous = await run({
      customer: customer(treatmentId, { name: null }),
      events: [delivered(3)],
    });
    expect(anonymous.messages[0]?.variables.name).toBe('there');
  });

  it('(b) cash on delivery: also reassures on day 0, right after the confirmation', async () => {
    const r = await run({ paymentMethod: 'cod', events: [delivered(3)] });
    expect(sent(r)).toEqual([
      ['order_confirmation', ENTRY],
      ['cod_reassurance', ENTRY],
      ['how_to_use', afterDays(3)],
      ['csat_request', afterDays(5)],
      ['cross_sell_nudge', '2026-01-16T04:30:00.000Z'],
      ['loyalty_invite', '2026-02-01T04:30:00.000Z'],
    ]);
    expect(r.exit.reason).toBe('window_end');
  });

  it('(c) a second order on day 12 exits with goal at once: nothing after it', async () => {
    const r = await run({
      events: [delivered(3), { type: 'order.placed', day: 12, properties: { orderId: 'o2' } }],
    });
    expect(r.exit).toEqual({ reason: 'goal', nodeId: 'day14', at: afterDays(12), day: 12 });
    expect(r.messages.map((m) => m.templateId)).toEqual([
      'order_confirmation',
      'how_to_use',
      'csat_request',
    ]);
    expect(r.steps.at(-1)).toMatchObject({
      nodeId: 'day14',
      port: null,
      detail: { exit: 'goal', goal: 'second_order', event: 'order.placed' },
    });
  });

  it('(c) a second order while waiting for delivery exits with goal too', async () => {
    const r = await run({
      events: [{ type: 'order.placed', day: 1.5, properties: { orderId: 'o2' } }],
    });
    expect(r.exit).toMatchObject({ reason: 'goal', nodeId: 'await_delivery', day: 1.5 });
    expect(r.messages.map((m) => m.templateId)).toEqual(['order_confirmation']);
  });

  it('(d) never delivered: on day 7 the timeout branch sends delivery_delay and exits not_delivered', async () => {
    const r = await run();
    expect(sent(r)).toEqual([
      ['order_confirmation', ENTRY],
      ['delivery_delay', afterDays(7)],
    ]);
    expect(r.messages[1]?.variables).toEqual({ name: 'Asha', orderId: 'o1' });
    expect(r.exit).toEqual({
      reason: 'not_delivered',
      nodeId: 'not_delivered',
      at: afterDays(7),
      day: 7,
    });
    expect(r.path).toEqual([
      'first_order',
      'confirm',
      'is_cod',
      'await_delivery',
      'delivery_check',
      'not_delivered',
    ]);
  });

  it('a delivery of a different order does not satisfy the wait (sameOrder)', async () => {
    const r = await run({ events: [delivered(3, 'o2')] });
    expect(r.messages.map((m) => m.templateId)).toEqual(['order_confirmation', 'delivery_delay']);
    expect(r.exit.reason).toBe('not_delivered');
  });

  it('a delivery of the entry order after one of another order still counts', async () => {
    const r = await run({ events: [delivered(2, 'o2'), delivered(4, 'o1')] });
    expect(sent(r).slice(0, 2)).toEqual([
      ['order_confirmation', ENTRY],
      ['how_to_use', afterDays(4)],
    ]);
  });

  it('a delivery event without an orderId is taken to be about the entry order', async () => {
    const r = await run({ events: [{ type: 'order.delivered', day: 3 }] });
    expect(r.messages[1]).toMatchObject({ templateId: 'how_to_use', at: afterDays(3) });
  });

  it('a delivery after the 7-day timeout comes too late', async () => {
    const r = await run({ events: [delivered(8)] });
    expect(r.exit).toMatchObject({ reason: 'not_delivered', day: 7 });
  });

  it('a holdout customer gets no cross_sell_nudge but everything else', async () => {
    const r = await run({ customer: customer(holdoutId), events: [delivered(3)] });
    expect(r.messages.map((m) => m.templateId)).toEqual([
      'order_confirmation',
      'how_to_use',
      'csat_request',
      'loyalty_invite',
    ]);
    const split = r.steps.find((s) => s.nodeId === 'cross_sell_split');
    expect(split).toMatchObject({ port: 'holdout', detail: { bucket: bucketOf(holdoutId) } });
    expect(r.exit.reason).toBe('window_end');
  });

  it('the cohort depends on the journey id too', async () => {
    const otherJourneyBucket = percentBucket(`journey-7:cross_sell_split:${treatmentId}`);
    const r = await simulate(ir, {
      customer: customer(),
      journeyId: 'journey-7',
      entryEvent: { type: 'order.placed', occurredAt: ENTRY, properties: { orderId: 'o1' } },
      events: [delivered(3)],
    });
    expect(r.steps.find((s) => s.nodeId === 'cross_sell_split')?.detail).toEqual({
      bucket: otherJourneyBucket,
    });
  });

  it('step records carry seq 0, 1, 2, … in order, with non-decreasing times', async () => {
    const r = await run({ paymentMethod: 'cod', events: [delivered(3)] });
    expect(r.steps.map((s) => s.seq)).toEqual(r.steps.map((_s, i) => i));
    const times = r.steps.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A wait is recorded twice: while waiting (port null) and when it moves on.
    expect(r.steps.filter((s) => s.nodeId === 'wait_csat').map((s) => s.port)).toEqual([
      null,
      'next',
    ]);
    expect(r.steps.find((s) => s.nodeId === 'wait_csat')?.detail).toEqual({
      waitingUntil: afterDays(5),
    });
  });

  it('action idempotency keys are unique per step and derived from the run', async () => {
    const r = await run({ paymentMethod: 'cod', events: [delivered(3)] });
    const keys = r.messages.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(new RegExp(`^sim-${treatmentId}:[a-z_]+:\\d+$`));
  });

  it('is deterministic: the same input gives the same result', async () => {
    const events = [delivered(3)];
    expect(await run({ events })).toEqual(await run({ events }));
  });

  it('events before entry are ignored; events can be given at absolute times', async () => {
    const r = await run({
      events: [
        { type: 'order.placed', at: '2025-12-31T00:00:00.000Z', properties: { orderId: 'old' } },
        { type: 'order.delivered', at: '2026-01-03T08:00:00.000Z', properties: { orderId: 'o1' } },
      ],
    });
    expect(r.messages[1]).toMatchObject({
      templateId: 'how_to_use',
      at: '2026-01-03T08:00:00.000Z',
    });
    expect(r.exit.reason).toBe('window_end');
  });
});

describe('simulate: loops', () => {
  it('a loop with a wait visits the node once per pass, each with its own idempotency key', async () => {
    // start → check (cod?) yes → end; no → nudge → pause 1 day → check. A 3-day window.
    const loop = compiled({
      name: 'daily nudge',
      window: { days: 3 },
      nodes: [
        { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
        {
          id: 'check',
          type: 'flow.condition',
          config: { rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
        },
        { id: 'nudge', type: 'message.send', config: { templateId: 'nudge' } },
        {
          id: 'pause',
          type: 'flow.wait',
          config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
        },
        { id: 'end', type: 'flow.exit' },
      ],
      edges: [
        { source: 'start', target: 'check' },
        { source: 'check', sourcePort: 'yes', target: 'end' },
        { source: 'check', sourcePort: 'no', target: 'nudge' },
        { source: 'nudge', target: 'pause' },
        { source: 'pause', target: 'check' },
      ],
    });
    const r = await simulate(loop, {
      customer: customer(),
      entryEvent: {
        type: 'order.placed',
        occurredAt: ENTRY,
        properties: { orderId: 'o1', paymentMethod: 'upi' },
      },
    });
    expect(r.messages.map((m) => m.day)).toEqual([0, 1, 2]);
    const keys = r.messages.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    expect(r.exit).toEqual({ reason: 'window_end', nodeId: 'pause', at: afterDays(3), day: 3 });
  });
});
