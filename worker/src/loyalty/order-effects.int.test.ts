import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalance, getMember, listEntries, listEvents, type EventRow } from '@yatra/db';
import { tieredProgram } from '@yatra/db/queries/loyalty/tiers-testing';
import type { JourneyDocumentInput } from '@yatra/nodes';
import { createJourneyTestEnv, type JourneyTestEnv } from '../testing/journey-test-env';

// Event-driven earn through the real dispatcher (real PostgreSQL, Temporal's time-skipping
// server): accepted order events earn or reverse once, and the loyalty events they emit are
// themselves dispatched, so a journey can trigger on loyalty.points_earned.

const earnConfirmation: JourneyDocumentInput = {
  name: 'Earn confirmation',
  reentry: { policy: 'always' },
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'loyalty.points_earned' } },
    {
      id: 'confirm',
      type: 'message.send',
      config: {
        templateId: 'points_earned',
        variables: {
          points: '{{trigger.properties.points}}',
          balance: '{{trigger.properties.balance}}',
        },
      },
    },
    { id: 'end', type: 'flow.exit', config: {} },
  ],
  edges: [
    { source: 'start', target: 'confirm' },
    { source: 'confirm', target: 'end' },
  ],
};

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv();
  await tieredProgram(t.db); // 10 points per ₹100; Silver from ₹5,000 (×1.5)
  await t.publish(earnConfirmation);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const profile = (name: string) => ({ name, phone: '+919812345678', timeZone: 'Asia/Kolkata' });
const placed = (
  customerId: string,
  orderId: string,
  rupees: number,
  method: 'cod' | 'prepaid',
) => ({
  type: 'order.placed',
  customerId,
  idempotencyKey: `${orderId}-placed`,
  properties: {
    orderId,
    total: rupees * 100,
    paymentMethod: method,
    customer: profile(customerId),
  },
});
/** An order event; `key` lets a source send the same fact twice under different keys. */
const orderEvent = (type: string, customerId: string, orderId: string, key = type) => ({
  type,
  customerId,
  idempotencyKey: `${orderId}-${key}`,
  properties: { orderId },
});
const eventsOf = async (customerId: string, type: string): Promise<EventRow[]> =>
  (await listEvents(t.db, { customerId, limit: 1000 })).filter((e) => e.type === type).reverse();
const undispatched = async () =>
  (await listEvents(t.db, { limit: 1000 })).filter((e) => e.dispatchedAt === null);

describe('order events earn and reverse through the dispatcher', () => {
  it('order.delivered twice earns once and emits one loyalty.points_earned', async () => {
    await t.send(placed('priya', 'p-1', 1_299, 'prepaid'));
    expect(await listEntries(t.db, 'priya')).toEqual([]); // delivered earns, not placed
    await t.send(orderEvent('order.delivered', 'priya', 'p-1'));
    await t.send(orderEvent('order.delivered', 'priya', 'p-1', 'delivered-again'));

    const entries = await listEntries(t.db, 'priya');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'earn',
      points: 129,
      idempotencyKey: 'order:p-1:earn',
    });
    const earned = await eventsOf('priya', 'loyalty.points_earned');
    expect(earned).toHaveLength(1);
    expect(earned[0]?.properties).toMatchObject({
      points: 129,
      balance: 129,
      orderId: 'p-1',
      tier: 'Bronze',
      multiplier: 1,
    });
    expect(typeof earned[0]?.properties.expiresAt).toBe('string');
    // The emitted event was dispatched like any other: the journey sent one confirmation.
    expect(await undispatched()).toEqual([]);
    const messages = await t.messages('priya');
    expect(messages.map((m) => [m.templateId, m.variables])).toEqual([
      ['points_earned', { points: '129', balance: '129' }],
    ]);
  });

  it('a COD order earns nothing when placed, and earns once delivered', async () => {
    await t.send(placed('kabir', 'k-1', 2_000, 'cod'));
    expect(await getMember(t.db, 'kabir')).toBeNull();
    expect(await eventsOf('kabir', 'loyalty.points_earned')).toEqual([]);
    await t.send(orderEvent('order.delivered', 'kabir', 'k-1'));
    expect((await listEntries(t.db, 'kabir')).map((e) => [e.kind, e.points])).toEqual([
      ['earn', 200],
    ]);
  });

  it('a return reverses the order’s points; a cancelled COD order never earned', async () => {
    await t.send(placed('meera', 'm-1', 800, 'prepaid'));
    await t.send(orderEvent('order.delivered', 'meera', 'm-1'));
    expect(await getBalance(t.db, 'meera', new Date(await t.now()))).toBe(80);
    await t.send(orderEvent('order.returned', 'meera', 'm-1'));
    await t.send(orderEvent('order.returned', 'meera', 'm-1', 'returned-again'));
    const entries = await listEntries(t.db, 'meera');
    expect(entries.map((e) => [e.kind, e.points, e.reason])).toEqual([
      ['reverse', -80, 'return'],
      ['earn', 80, 'order'],
    ]);
    expect(await getBalance(t.db, 'meera', new Date(await t.now()))).toBe(0);

    await t.send(placed('meera', 'm-2', 900, 'cod'));
    await t.send(orderEvent('order.cancelled', 'meera', 'm-2'));
    await t.send(orderEvent('order.delivered', 'meera', 'm-2')); // late, after the cancellation
    expect(await listEntries(t.db, 'meera')).toHaveLength(2);
  });

  it('crossing a threshold upgrades at once; the next order earns at the new multiplier', async () => {
    await t.send(placed('arjun', 'a-1', 6_000, 'prepaid'));
    await t.send(orderEvent('order.delivered', 'arjun', 'a-1'));
    expect(await getMember(t.db, 'arjun')).toMatchObject({ tier: 'Silver' });
    const changes = await eventsOf('arjun', 'loyalty.tier_changed');
    expect(changes.map((e) => e.properties)).toEqual([
      expect.objectContaining({ from: 'Bronze', to: 'Silver', direction: 'upgrade' }),
    ]);
    await t.send(placed('arjun', 'a-2', 1_000, 'prepaid'));
    await t.send(orderEvent('order.delivered', 'arjun', 'a-2'));
    const entries = await listEntries(t.db, 'arjun');
    expect(entries.map((e) => [e.orderId, e.points])).toEqual([
      ['a-2', 150], // 100 base × 1.5
      ['a-1', 600], // earned at Bronze ×1: the order that crosses earns at the old multiplier
    ]);
    expect((await eventsOf('arjun', 'loyalty.points_earned')).at(-1)?.properties).toMatchObject({
      points: 150,
      balance: 750,
      tier: 'Silver',
      multiplier: 1.5,
    });
  });
});

describe('cart.updated offers a redemption once per cart session', () => {
  const cart = (sessionId: string, rupees: number, key: string) => ({
    type: 'cart.updated',
    customerId: 'arjun', // 750 points from the test above
    idempotencyKey: key,
    properties: { sessionId, total: rupees * 100 },
  });

  it('emits cart.redemption_eligible once, with the balance and the smallest option', async () => {
    await t.send(cart('s-1', 1_200, 'cart-1'));
    await t.send(cart('s-1', 1_450, 'cart-2'));
    const offers = await eventsOf('arjun', 'cart.redemption_eligible');
    expect(offers).toHaveLength(1);
    expect(offers[0]?.idempotencyKey).toBe('cart:s-1:redemption_eligible');
    expect(offers[0]?.properties).toMatchObject({
      sessionId: 's-1',
      cartTotal: 120_000,
      balance: 750,
      points: 500,
      value: 5_000,
      option: { id: 'rs50-off', points: 500, valuePaise: 5_000 },
    });
  });

  it('stays silent below the threshold (the option’s ₹50) and without enough points', async () => {
    await t.send(cart('s-2', 49, 'cart-3'));
    await t.send({
      type: 'cart.updated',
      customerId: 'meera', // balance 0
      idempotencyKey: 'cart-4',
      properties: { sessionId: 's-3', total: 500_000 },
    });
    expect(await eventsOf('arjun', 'cart.redemption_eligible')).toHaveLength(1);
    expect(await eventsOf('meera', 'cart.redemption_eligible')).toEqual([]);
  });
});
