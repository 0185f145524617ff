import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import { listEvents } from '../events';
import {
  applyTierUpgrade,
  enrollMember,
  getMember,
  getTierStatus,
  recalculateTiers,
  type TierLadderTier,
} from '.';
import { customer, day } from './testing';
import { delivered, orderThrough, SPEND_LADDER, tieredProgram } from './tiers-testing';

const t = useTestDb();

const at = (iso: string) => new Date(iso);
const tierEvents = async (customerId: string) =>
  (await listEvents(t.db, { customerId })).filter((e) => e.type === 'loyalty.tier_changed');
const history = async (customerId: string) =>
  (
    await t.db.execute(
      sql`select from_tier, to_tier, reason, qualifying_value from tier_history
        where customer_id = ${customerId} order by id`,
    )
  ).rows;

describe('without a programme', () => {
  it('has no tier status', async () => {
    const id = await customer(t.db, 'no-program');
    expect(await getTierStatus(t.db, id, day(1))).toBeNull();
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    expect(await applyTierUpgrade(t.db, id, day(1))).toBeNull();
  });
});

describe('tier status and upgrades (spend ladder)', () => {
  beforeAll(async () => {
    await tieredProgram(t.db);
  });

  it('values rolling 12-month delivered spend in whole ₹; returns and cancellations drop out', async () => {
    const id = await customer(t.db, 'status-1');
    await delivered(t.db, id, 's1-a', 4_200, day(10));
    await orderThrough(t.db, {
      customerId: id,
      orderId: 's1-returned',
      totalPaise: 300_000,
      placedAt: day(2),
      then: [
        ['order.delivered', day(4)],
        ['order.returned', day(12)],
      ],
    });
    await orderThrough(t.db, {
      customerId: id,
      orderId: 's1-cancelled',
      totalPaise: 1_000_000,
      placedAt: day(3),
      then: [['order.cancelled', day(5)]],
    });
    await orderThrough(t.db, {
      customerId: id,
      orderId: 's1-open',
      totalPaise: 99,
      placedAt: day(3),
    });
    expect(await getTierStatus(t.db, id, day(20))).toEqual({
      tier: 'Bronze',
      metric: 'spend',
      qualifyingValue: 4_200,
      nextTier: { name: 'Silver', threshold: 5_000 },
      toNextTier: 800,
      progress: 0.84,
      tierPeriodEndsAt: null,
      tierSince: null,
      multiplier: 1,
    });
    // As of before the delivery, and once it is more than 12 months old.
    expect((await getTierStatus(t.db, id, day(9)))?.qualifyingValue).toBe(0);
    expect((await getTierStatus(t.db, id, at('2031-01-11T00:00:00Z')))?.qualifyingValue).toBe(0);
    expect((await getTierStatus(t.db, id, at('2031-01-10T23:59:59Z')))?.qualifyingValue).toBe(
      4_200,
    );
  });

  it('upgrades as soon as the threshold is crossed, once, with history and an event', async () => {
    const id = await customer(t.db, 'up-1');
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    expect(await applyTierUpgrade(t.db, id, day(1))).toMatchObject({
      fromTier: null,
      toTier: 'Bronze',
      reason: 'initial',
      emitted: false,
    });
    await delivered(t.db, id, 'up1-a', 3_000, day(10));
    expect(await applyTierUpgrade(t.db, id, day(10))).toBeNull();
    await delivered(t.db, id, 'up1-b', 2_500, day(20));
    const change = await applyTierUpgrade(t.db, id, day(20));
    expect(change).toEqual({
      customerId: id,
      fromTier: 'Bronze',
      toTier: 'Silver',
      reason: 'upgrade',
      metric: 'spend',
      qualifyingValue: 5_500,
      tierPeriodEndsAt: at('2031-01-21T00:00:00Z'),
      emitted: true,
    });
    expect(await applyTierUpgrade(t.db, id, day(20))).toBeNull();
    expect(await applyTierUpgrade(t.db, id, day(21))).toBeNull();

    const events = await tierEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]?.occurredAt).toEqual(day(20));
    expect(events[0]?.properties).toEqual({
      from: 'Bronze',
      to: 'Silver',
      direction: 'upgrade',
      metric: 'spend',
      qualifyingValue: 5_500,
      multiplier: 1.5,
      tierPeriodEndsAt: '2031-01-21T00:00:00.000Z',
    });
    expect(await history(id)).toEqual([
      { from_tier: null, to_tier: 'Bronze', reason: 'initial', qualifying_value: '0' },
      { from_tier: 'Bronze', to_tier: 'Silver', reason: 'upgrade', qualifying_value: '5500' },
    ]);
    expect(await getTierStatus(t.db, id, day(30))).toEqual({
      tier: 'Silver',
      metric: 'spend',
      qualifyingValue: 5_500,
      nextTier: { name: 'Gold', threshold: 15_000 },
      toNextTier: 9_500,
      progress: 5_500 / 15_000,
      tierPeriodEndsAt: at('2031-01-21T00:00:00Z'),
      tierSince: day(20),
      multiplier: 1.5,
    });
    // Before the upgrade the member was Bronze: read from tier_history.
    expect(await getTierStatus(t.db, id, day(15))).toMatchObject({ tier: 'Bronze', multiplier: 1 });

    // A big order skips rungs: straight to the highest tier reached.
    await delivered(t.db, id, 'up1-c', 40_000, day(40));
    expect(await applyTierUpgrade(t.db, id, day(40))).toMatchObject({
      fromTier: 'Silver',
      toTier: 'Platinum',
    });
    expect(await getTierStatus(t.db, id, day(41))).toMatchObject({
      tier: 'Platinum',
      nextTier: null,
      toNextTier: 0,
      progress: 1,
      multiplier: 3,
    });
  });

  it('a first tier above the bottom rung is announced as an upgrade from it', async () => {
    const id = await customer(t.db, 'first-gold');
    await delivered(t.db, id, 'fg-a', 16_000, day(0));
    await enrollMember(t.db, { customerId: id, joinedAt: day(1) });
    expect(await applyTierUpgrade(t.db, id, day(1))).toMatchObject({
      fromTier: null,
      toTier: 'Gold',
      reason: 'initial',
      emitted: true,
    });
    expect((await tierEvents(id))[0]?.properties).toMatchObject({
      from: 'Bronze',
      to: 'Gold',
      direction: 'upgrade',
    });
  });

  it('never downgrades before the period ends, then drops to the highest tier still reached', async () => {
    const id = await customer(t.db, 'down-1');
    await delivered(t.db, id, 'd1-big', 16_000, day(0));
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    await applyTierUpgrade(t.db, id, day(10)); // Gold until 2031-01-11
    await delivered(t.db, id, 'd1-small', 6_000, day(200));

    // The big order left the window on 2031-01-01, but the period runs to 2031-01-11.
    const early = await recalculateTiers(t.db, at('2031-01-05T00:00:00Z'));
    expect(early.changes.filter((c) => c.customerId === id)).toEqual([]);
    expect(await getTierStatus(t.db, id, at('2031-01-05T00:00:00Z'))).toMatchObject({
      tier: 'Gold',
      qualifyingValue: 6_000,
    });
    expect((await getMember(t.db, id))?.tier).toBe('Gold');

    const end = at('2031-01-11T00:00:00Z');
    const { changes } = await recalculateTiers(t.db, end);
    expect(changes.filter((c) => c.customerId === id)).toEqual([
      {
        customerId: id,
        fromTier: 'Gold',
        toTier: 'Silver',
        reason: 'downgrade',
        metric: 'spend',
        qualifyingValue: 6_000,
        tierPeriodEndsAt: at('2032-01-11T00:00:00Z'),
        emitted: true,
      },
    ]);
    const events = await tierEvents(id);
    expect(events[0]?.properties).toMatchObject({
      from: 'Gold',
      to: 'Silver',
      direction: 'downgrade',
    });
    // Running the night again changes nothing.
    const again = await recalculateTiers(t.db, end);
    expect(again.changes.filter((c) => c.customerId === id)).toEqual([]);
    expect(await tierEvents(id)).toHaveLength(events.length);
  });

  it('extends the period of a member who requalifies, without a history row', async () => {
    const id = await customer(t.db, 'requal-1');
    await delivered(t.db, id, 'r1-a', 6_000, day(0));
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    await applyTierUpgrade(t.db, id, day(0)); // Silver until 2031-01-01
    await delivered(t.db, id, 'r1-b', 5_500, day(300));
    const result = await recalculateTiers(t.db, at('2031-01-01T20:30:00Z'));
    expect(result.changes.filter((c) => c.customerId === id)).toEqual([]);
    expect(result.requalified).toBeGreaterThanOrEqual(1);
    const member = await getMember(t.db, id);
    expect(member).toMatchObject({ tier: 'Silver', tierSince: day(0) });
    expect(member?.tierPeriodEndsAt).toEqual(at('2032-01-01T00:00:00Z'));
    expect(await history(id)).toHaveLength(1);
  });
});

describe('orders and visits metrics', () => {
  const ordersLadder: TierLadderTier[] = [
    { name: 'Member', metric: 'orders', threshold: 0, multiplier: 1 },
    { name: 'Regular', metric: 'orders', threshold: 3, multiplier: 1.2 },
    { name: 'Loyal', metric: 'orders', threshold: 6, multiplier: 1.5 },
  ];
  const visitsLadder: TierLadderTier[] = ordersLadder.map((r) => ({ ...r, metric: 'visits' }));

  it('counts delivered, kept orders over 12 months', async () => {
    const program = await tieredProgram(t.db, ordersLadder, 'Orders club');
    const id = await customer(t.db, 'orders-1');
    await enrollMember(t.db, { customerId: id, programId: program.id, joinedAt: day(0) });
    for (const n of [1, 2, 3]) await delivered(t.db, id, `o1-${n}`, 100, day(n));
    await orderThrough(t.db, {
      customerId: id,
      orderId: 'o1-returned',
      totalPaise: 100,
      placedAt: day(1),
      then: [
        ['order.delivered', day(2)],
        ['order.returned', day(4)],
      ],
    });
    expect(await applyTierUpgrade(t.db, id, day(5))).toMatchObject({
      toTier: 'Regular',
      metric: 'orders',
      qualifyingValue: 3,
    });
    expect(await getTierStatus(t.db, id, day(5))).toMatchObject({
      tier: 'Regular',
      toNextTier: 3,
      progress: 0.5,
      multiplier: 1.2,
    });
  });

  it('counts session.started and store.visited events as visits', async () => {
    const program = await tieredProgram(t.db, visitsLadder, 'Visits club');
    const id = await customer(t.db, 'visits-1');
    await enrollMember(t.db, { customerId: id, programId: program.id, joinedAt: day(0) });
    const { ingestEvents } = await import('../events');
    await ingestEvents(
      t.db,
      ['session.started', 'store.visited', 'session.started', 'page.viewed', 'page.viewed'].map(
        (type, i) => ({
          type,
          customerId: id,
          occurredAt: day(1 + i),
          idempotencyKey: `v1-${i}`,
          properties: {},
        }),
      ),
    );
    // Not given a tier yet: the status shows the tier the value reaches.
    expect(await getTierStatus(t.db, id, day(10))).toMatchObject({
      tier: 'Regular',
      tierSince: null,
      metric: 'visits',
      qualifyingValue: 3,
    });
    const { changes } = await recalculateTiers(t.db, day(10));
    expect(changes.find((c) => c.customerId === id)).toMatchObject({
      reason: 'initial',
      toTier: 'Regular',
      qualifyingValue: 3,
    });
  });
});

describe('recalculateTiers is set-based', () => {
  it('places 2,000 members in one pass, then has nothing left to do', async () => {
    const n = 2_000;
    const spend = (i: number) => (i * 7_919) % 50_000; // whole ₹, 0 … 49,999
    const ids = Array.from({ length: n }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    await t.db.execute(sql`
      insert into customers (id) select unnest(${sql.param(ids)}::text[])`);
    await t.db.execute(sql`
      insert into loyalty_members (customer_id, joined_at)
      select unnest(${sql.param(ids)}::text[]), ${day(0).toISOString()}::timestamptz`);
    await t.db.execute(sql`
      insert into orders (id, customer_id, status, payment_method, total_paise, placed_at, delivered_at)
      select 'bulk-order-' || c, c, 'delivered', 'prepaid', s * 100, ${day(1).toISOString()}::timestamptz,
        ${day(2).toISOString()}::timestamptz
      from unnest(${sql.param(ids)}::text[], ${sql.param(ids.map((_, i) => spend(i)))}::int[]) as x(c, s) where s > 0`);

    const started = performance.now();
    const { changes } = await recalculateTiers(t.db, day(3));
    const ms = performance.now() - started;
    const bulk = changes.filter((c) => c.customerId.startsWith('bulk-'));
    expect(bulk).toHaveLength(n);
    const expected = ids.map((_, i) => {
      const value = spend(i);
      return [...SPEND_LADDER].reverse().find((r) => value >= r.threshold)?.name;
    });
    expect(bulk.map((c) => c.toTier)).toEqual(expected);
    const above = expected.filter((name) => name !== 'Bronze').length;
    const events = await t.db.execute(
      sql`select count(*)::int as n from events where type = 'loyalty.tier_changed' and customer_id like 'bulk-%'`,
    );
    expect(events.rows[0]?.n).toBe(above);
    console.log(`recalculateTiers: ${n} members placed in ${ms.toFixed(0)} ms`);

    const again = await recalculateTiers(t.db, day(3));
    expect(again.changes.filter((c) => c.customerId.startsWith('bulk-'))).toEqual([]);
  });
});
