import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import {
  applyTierUpgrade,
  cartRedemptionOffer,
  createProgram,
  earnForOrder,
  earnPoints,
  enrollMember,
  getBalance,
  IdempotencyKeyConflictError,
} from '.';
import { customer, day } from './testing';
import { delivered, tieredProgram } from './tiers-testing';

const t = useTestDb();

describe('earnForOrder without a programme', () => {
  it('earns nothing', async () => {
    const id = await customer(t.db, 'no-program');
    expect(
      await earnForOrder(t.db, {
        customerId: id,
        orderId: 'np-1',
        amountPaise: 100_000,
        at: day(1),
      }),
    ).toEqual({ ok: false, reason: 'no-program', orderId: 'np-1' });
  });
});

describe('earnForOrder: base × tier multiplier × promo multiplier', () => {
  beforeAll(async () => {
    await tieredProgram(t.db); // 10 points per ₹100
  });

  it('floors base points, enrolls lazily and keys the earn by order', async () => {
    const id = await customer(t.db, 'earn-1');
    const earned = await earnForOrder(t.db, {
      customerId: id,
      orderId: 'e1-a',
      amountPaise: 129_999, // ₹1,299.99 → 129 base points
      at: day(1),
    });
    expect(earned).toMatchObject({
      ok: true,
      created: true,
      basePoints: 129,
      tier: 'Bronze',
      tierMultiplier: 1,
      promoMultiplier: 1,
      entry: { points: 129, idempotencyKey: 'order:e1-a:earn', orderId: 'e1-a', reason: 'order' },
    });
    if (!earned.ok) return;
    // 365-day lot from the programme.
    expect(earned.lot.expiresAt).toEqual(day(366));
  });

  it('applies the held tier and a promo; a replay after the tier moved returns the original', async () => {
    const id = await customer(t.db, 'earn-2');
    await delivered(t.db, id, 'e2-big', 6_000, day(0));
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    await applyTierUpgrade(t.db, id, day(0)); // Silver ×1.5
    const input = { customerId: id, orderId: 'e2-a', amountPaise: 100_000, at: day(2) };
    const earned = await earnForOrder(t.db, { ...input, promoMultiplier: 2 });
    expect(earned).toMatchObject({
      ok: true,
      basePoints: 100,
      tier: 'Silver',
      tierMultiplier: 1.5,
      promoMultiplier: 2,
      entry: { points: 300 },
    });
    await delivered(t.db, id, 'e2-huge', 40_000, day(3));
    await applyTierUpgrade(t.db, id, day(3)); // Platinum ×3 now
    const replay = await earnForOrder(t.db, input);
    expect(replay).toMatchObject({
      ok: true,
      created: false,
      tier: 'Silver',
      tierMultiplier: 1.5,
      promoMultiplier: 2,
      entry: { points: 300 },
    });
    expect(await getBalance(t.db, id, day(4))).toBe(300);
    // The same order id for another customer is a misuse, not a second earn.
    const other = await customer(t.db, 'earn-2-other');
    await expect(earnForOrder(t.db, { ...input, customerId: other })).rejects.toThrow(
      IdempotencyKeyConflictError,
    );
  });

  it('rounds 1.5× without losing a point to floating point, and refuses a bad promo', async () => {
    const id = await customer(t.db, 'earn-3');
    await delivered(t.db, id, 'e3-big', 5_000, day(0));
    await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    await applyTierUpgrade(t.db, id, day(0)); // Silver
    const earned = await earnForOrder(t.db, {
      customerId: id,
      orderId: 'e3-a',
      amountPaise: 33_300, // 33 base × 1.5 × 1.1 = 54.45 → 54
      at: day(1),
      promoMultiplier: 1.1,
    });
    expect(earned).toMatchObject({ ok: true, entry: { points: 54 } });
    const zero = await earnForOrder(t.db, {
      customerId: id,
      orderId: 'e3-b',
      amountPaise: 999,
      at: day(1),
    });
    expect(zero).toEqual({ ok: false, reason: 'no-points', orderId: 'e3-b' });
    await expect(
      earnForOrder(t.db, {
        customerId: id,
        orderId: 'e3-c',
        amountPaise: 1,
        at: day(1),
        promoMultiplier: 0,
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('cartRedemptionOffer', () => {
  it('needs a member, a cart at the threshold and enough points for the smallest option', async () => {
    const id = await customer(t.db, 'cart-1');
    const ask = (cartTotalPaise: number, at = day(2)) =>
      cartRedemptionOffer(t.db, { customerId: id, cartTotalPaise, at });
    expect(await ask(100_000)).toEqual({ eligible: false, reason: 'not-a-member' });
    await earnForOrder(t.db, { customerId: id, orderId: 'c1-a', amountPaise: 500_000, at: day(1) });
    expect(await ask(4_999)).toEqual({ eligible: false, reason: 'cart-below-threshold' });
    expect(await ask(5_000)).toMatchObject({
      eligible: true,
      balance: 500,
      option: { id: 'rs50-off', points: 500 },
      valuePaise: 5_000,
      minCartTotalPaise: 5_000,
    });
    // Before the earn, the balance did not cover it.
    expect(await ask(5_000, day(0.5))).toEqual({ eligible: false, reason: 'insufficient-points' });
  });

  it('uses the programme’s own cart threshold when one is set', async () => {
    const program = await createProgram(t.db, {
      name: 'Big baskets',
      redemptionOptions: [
        { id: 'rs10-off', label: '₹10 off', points: 100, kind: 'discount', valuePaise: 1_000 },
      ],
      cartRedemptionMinPaise: 200_000,
    });
    const id = await customer(t.db, 'cart-2');
    await enrollMember(t.db, { customerId: id, programId: program.id, joinedAt: day(0) });
    await earnPoints(t.db, {
      customerId: id,
      points: 150,
      reason: 'promo',
      idempotencyKey: 'cart-2-points',
      occurredAt: day(0),
    });
    const ask = (cartTotalPaise: number) =>
      cartRedemptionOffer(t.db, { customerId: id, cartTotalPaise, at: day(1) });
    expect(await ask(199_999)).toEqual({ eligible: false, reason: 'cart-below-threshold' });
    expect(await ask(200_000)).toMatchObject({
      eligible: true,
      balance: 150,
      option: { id: 'rs10-off' },
      minCartTotalPaise: 200_000,
    });
  });
});
