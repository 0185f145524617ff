import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJourneyTestEnv,
  customerIdTaking,
  orderPlaced,
  orderUpdate,
  type JourneyTestEnv,
  type Persona,
} from '@yatra/testing';

// A QA team's suite for the 45-day post-purchase playbook, written only against the testing kit:
// the journey file as marketing ships it, three customers whose 45 days differ, all on Temporal's
// time-skipping server, then each one's outbox (which message on which day) and timeline.
const playbook = fileURLToPath(new URL('../journeys/post-purchase-45.json', import.meta.url));

let env: JourneyTestEnv;
let kabir: Persona;
let priya: Persona;
let ravi: Persona;
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

beforeAll(async () => {
  const started = performance.now();
  // Day 0 starts at 09:00 in India, so "day 14 at 10:00" is day 14 whenever the suite runs.
  env = await createJourneyTestEnv({ startAt: { time: '09:00', timeZone: 'Asia/Kolkata' } });
  const ready = performance.now();
  const published = await env.publish(playbook);
  const profile = (name: string, phone: string) => ({ name, phone, timeZone: 'Asia/Kolkata' });

  // A COD buyer who is delivered on day 3 and orders again on day 12.
  kabir = await env.customer('kabir', profile('Kabir', '+919812340001'));
  kabir.at(0, orderPlaced({ orderId: 'kabir-1', paymentMethod: 'cod' }));
  kabir.at(3, orderUpdate('order.delivered', 'kabir-1'));
  kabir.at(12, orderPlaced({ orderId: 'kabir-2', paymentMethod: 'cod' }));

  // A prepaid buyer, delivered on day 2, who never comes back. The day-14 nudge goes to 90%;
  // pick an id that the split sends to the nudge (the journey id, and so the split, is new per run).
  const priyaId = customerIdTaking(published, 'cross_sell_split', 'treatment', 'priya');
  // She opted in to WhatsApp offers at checkout: marketing sends need that consent.
  priya = await env.customer(priyaId, {
    ...profile('Priya', '+919812340002'),
    consents: [{ channel: 'whatsapp', purpose: 'marketing' }],
  });
  priya.at(0, orderPlaced({ orderId: 'priya-1', paymentMethod: 'prepaid' }));
  priya.at(2, orderUpdate('order.delivered', 'priya-1'));

  // A COD buyer who refuses the parcel: it goes back to the warehouse on day 4, never delivered.
  ravi = await env.customer('ravi', profile('Ravi', '+919812340003'));
  ravi.at(0, orderPlaced({ orderId: 'ravi-1', paymentMethod: 'cod' }));
  ravi.at(4, orderUpdate('order.returned', 'ravi-1'));

  const played = performance.now();
  await env.fastForward({ days: 45 });
  const stackUp = ((ready - started) / 1000).toFixed(1);
  console.log(
    `[qa-suite] wall time ${seconds(started)} s: stack up in ${stackUp} s, ` +
      `3 customers through 45 virtual days in ${seconds(played)} s`,
  );
}, 120_000);

afterAll(async () => {
  await env?.close();
});

/** `[day, templateId]` of each message, oldest first. */
async function sends(persona: Persona) {
  return (await persona.outbox()).map((m) => [m.day, m.templateId]);
}

/** The decisions the run took: `node:port` of every step that moved on. */
async function path(persona: Persona) {
  const { items } = await persona.timeline();
  return items.flatMap((i) => (i.kind === 'step' && i.port ? [`${i.nodeId}:${i.port}`] : []));
}

type RunMark = { entered: number } | { exited: number; reason: string | null };

/** Entry and exit of each run, by virtual day. */
async function runs(persona: Persona) {
  const { items } = await persona.timeline();
  return items.flatMap((i): RunMark[] =>
    i.kind === 'run.entered'
      ? [{ entered: i.day }]
      : i.kind === 'run.exited'
        ? [{ exited: i.day, reason: i.exitReason }]
        : [],
  );
}

/** The local wall-clock time of a customer's message, e.g. `10:00`. */
async function localTimeOf(persona: Persona, templateId: string) {
  const message = (await persona.outbox()).find((m) => m.templateId === templateId);
  return message?.createdAt.toLocaleTimeString('en-GB', {
    timeZone: 'Asia/Kolkata',
    hour: '2-digit',
    minute: '2-digit',
  });
}

describe('the 45-day post-purchase playbook', () => {
  it('Kabir (COD, orders again on day 12): reassured, taught, asked — then leaves as converted', async () => {
    expect(await sends(kabir)).toEqual([
      [0, 'order_confirmation'],
      [0, 'cod_reassurance'],
      [3, 'how_to_use'],
      [5, 'csat_request'],
    ]);
    expect(await path(kabir)).toEqual([
      'first_order:next',
      'confirm:next',
      'is_cod:yes',
      'cod_reassure:next',
      'await_delivery:event',
      'how_to_use:next',
      'wait_csat:next',
      'csat:next',
    ]);
    // The second order is the goal: he exits mid-wait on day 12 and is not entered again.
    expect(await runs(kabir)).toEqual([{ entered: 0 }, { exited: 12, reason: 'goal' }]);
  });

  it('Priya (prepaid, never comes back): every send on its day, then the window closes on day 45', async () => {
    expect(await sends(priya)).toEqual([
      [0, 'order_confirmation'],
      [2, 'how_to_use'],
      [4, 'csat_request'],
      [14, 'cross_sell_nudge'],
      [30, 'loyalty_invite'],
    ]);
    expect(await localTimeOf(priya, 'cross_sell_nudge')).toBe('10:00');
    expect(await localTimeOf(priya, 'loyalty_invite')).toBe('10:00');
    expect(await path(priya)).toEqual([
      'first_order:next',
      'confirm:next',
      'is_cod:no',
      'await_delivery:event',
      'how_to_use:next',
      'wait_csat:next',
      'csat:next',
      'day14:next',
      'cross_sell_split:treatment',
      'cross_sell:next',
      'day30:next',
      'loyalty_invite:next',
    ]);
    expect(await runs(priya)).toEqual([{ entered: 0 }, { exited: 45, reason: 'window_end' }]);
  });

  it('Ravi (COD, parcel returned on day 4): no delivery, so a check-in on day 7 and out', async () => {
    expect(await sends(ravi)).toEqual([
      [0, 'order_confirmation'],
      [0, 'cod_reassurance'],
      [7, 'delivery_delay'],
    ]);
    const { items } = await ravi.timeline();
    const events = items.flatMap((i) => (i.kind === 'event' ? [[i.day, i.type]] : []));
    expect(events).toEqual([
      [0, 'order.placed'],
      [4, 'order.returned'],
    ]);
    expect(await path(ravi)).toEqual([
      'first_order:next',
      'confirm:next',
      'is_cod:yes',
      'cod_reassure:next',
      'await_delivery:timeout',
      'delivery_check:next',
    ]);
    expect(await runs(ravi)).toEqual([{ entered: 0 }, { exited: 7, reason: 'not_delivered' }]);
  });

  it('every scheduled event was sent and nothing is left running', async () => {
    expect(env.pendingEvents()).toBe(0);
    expect(() => kabir.at(30, orderUpdate('order.returned', 'kabir-2'))).toThrow(
      'day 30 is already past: the clock has reached day 45',
    );
    for (const persona of [kabir, priya, ravi]) {
      expect((await persona.runs()).map((r) => r.status)).not.toContain('running');
    }
  });
});
