import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import {
  earnPoints,
  expireLots,
  getBalance,
  getLots,
  getMember,
  redeemPoints,
  reverseOrderPoints,
} from '.';
import { customer, day } from './testing';

const t = useTestDb();

const earn = (id: string, order: string, points: number, at: number, expires: number) =>
  earnPoints(t.db, {
    customerId: id,
    points,
    reason: 'order',
    orderId: order,
    idempotencyKey: `order:${order}:earn`,
    occurredAt: day(at),
    expiresAt: day(expires),
  });

const redeem = (id: string, key: string, points: number, at: number) =>
  redeemPoints(t.db, {
    customerId: id,
    points,
    reason: 'redemption',
    idempotencyKey: key,
    occurredAt: day(at),
  });

const reverse = (id: string, order: string, at: number, key = `order:${order}:reverse`) =>
  reverseOrderPoints(t.db, {
    customerId: id,
    orderId: order,
    idempotencyKey: key,
    occurredAt: day(at),
    reason: 'return',
  });

describe('reversing an order (return or cancellation)', () => {
  it('takes back what remains of the order’s own lot, once', async () => {
    const id = await customer(t.db, 'rev-unspent');
    const a = await earn(id, 'ru-1', 100, 0, 365);
    await earn(id, 'ru-2', 50, 1, 365);
    const r = await reverse(id, 'ru-1', 5);
    expect(r).toMatchObject({
      ok: true,
      fromOrderLots: 100,
      fromOtherLots: 0,
      debt: 0,
      balanceAfter: 50,
    });
    expect(r.ok && r.entry).toMatchObject({ kind: 'reverse', points: -100, reason: 'return' });
    expect(r.ok && r.allocations.map((x) => [x.lotId, x.points])).toEqual([[a.lot.id, 100]]);
    expect(await reverse(id, 'ru-1', 5)).toEqual({ ...r, created: false });
    // Another key for the same order finds nothing left to reverse.
    expect(await reverse(id, 'ru-1', 6, 'support-ticket-9')).toEqual({
      ok: false,
      reason: 'nothing-to-reverse',
      orderId: 'ru-1',
    });
    expect(await getBalance(t.db, id, day(4))).toBe(150);
    expect(await getBalance(t.db, id, day(5))).toBe(50);
  });

  it('an order that never earned (COD cancelled before delivery) has nothing to reverse', async () => {
    const id = await customer(t.db, 'rev-none');
    expect(await reverse(id, 'never', 1)).toMatchObject({ ok: false });
    await earn(id, 'rn-1', 10, 0, 365);
    expect(await reverse(id, 'other-order', 1)).toMatchObject({ ok: false });
    expect(await getBalance(t.db, id, day(2))).toBe(10);
  });

  it('spent points come from other lots, then become a debt the next earn settles', async () => {
    const id = await customer(t.db, 'rev-spent');
    await earn(id, 'rs-1', 100, 0, 30);
    const b = await earn(id, 'rs-2', 100, 1, 365);
    await redeem(id, 'rs-redeem', 120, 2); // 100 from rs-1 (expires first), 20 from rs-2
    const r = await reverse(id, 'rs-1', 3);
    expect(r).toMatchObject({ fromOrderLots: 0, fromOtherLots: 80, debt: 20, balanceAfter: -20 });
    expect(r.ok && r.allocations.map((x) => [x.lotId, x.points])).toEqual([[b.lot.id, 80]]);
    expect((await getMember(t.db, id))?.pointsOwed).toBe(20);
    // While in debt nothing can be spent, and the balance shows the debt.
    expect(await redeem(id, 'rs-redeem-2', 1, 3.5)).toMatchObject({ ok: false, balance: -20 });
    const c = await earn(id, 'rs-3', 50, 4, 365);
    expect(c).toMatchObject({ settledDebt: 20, balanceAfter: 30 });
    expect(c.lot.remaining).toBe(30);
    expect(c.entry.meta).toEqual({ settledDebt: 20 });
    expect((await getMember(t.db, id))?.pointsOwed).toBe(0);
    // As of every instant, replayed from the allocations.
    expect(await getBalance(t.db, id, day(2.5))).toBe(80);
    expect(await getBalance(t.db, id, day(3.5))).toBe(-20);
    expect(await getBalance(t.db, id, day(4))).toBe(30);
    expect(await getBalance(t.db, id, day(40))).toBe(30);
    // A replay of the reversal does not report the later clawback as its own allocation.
    expect(await reverse(id, 'rs-1', 3)).toEqual({ ...r, created: false });
  });

  it('several debts are settled oldest first, across several earns', async () => {
    const id = await customer(t.db, 'rev-debts');
    await earn(id, 'rd-1', 20, 0, 365);
    await earn(id, 'rd-2', 30, 0, 365);
    await redeem(id, 'rd-redeem', 50, 1);
    await reverse(id, 'rd-1', 2);
    await reverse(id, 'rd-2', 3);
    expect(await getBalance(t.db, id, day(3))).toBe(-50);
    expect(await earn(id, 'rd-3', 40, 4, 365)).toMatchObject({
      settledDebt: 40,
      balanceAfter: -10,
    });
    expect((await getLots(t.db, id, day(4))).map((l) => [l.earned, l.remaining])).toEqual([
      [20, 0],
      [30, 0],
      [40, 0],
    ]);
    expect(await earn(id, 'rd-4', 100, 5, 365)).toMatchObject({
      settledDebt: 10,
      balanceAfter: 90,
    });
    expect(await getBalance(t.db, id, day(4.5))).toBe(-10);
    expect(await getBalance(t.db, id, day(5))).toBe(90);
  });

  it('points of the order that already expired are not taken twice', async () => {
    for (const processed of [false, true]) {
      const id = await customer(t.db, `rev-expired-${processed}`);
      const order = `re-${processed}`;
      await earn(id, order, 100, 0, 30);
      await redeem(id, `${order}-redeem`, 70, 10);
      await earn(id, `${order}-other`, 200, 20, 365);
      if (processed) await expireLots(t.db, { asOf: day(31), customerId: id });
      // 30 expired on day 30; only the 70 that were spent are clawed back.
      const r = await reverse(id, order, 35);
      expect(r).toMatchObject({ fromOrderLots: 0, fromOtherLots: 70, debt: 0, balanceAfter: 130 });
      expect(r.ok && r.entry.points).toBe(-70);
      expect(await getBalance(t.db, id, day(36))).toBe(130);
    }
  });
});
