import { describe, expect, it } from 'vitest';
import { basePointsFor } from './programs';
import { addDays, planDebit, type LotCandidate } from './plan';
import { LedgerModel } from './reference-model';
import { createRng } from './prng';

const D0 = new Date('2030-01-01T00:00:00.000Z');
const lot = (id: number, remaining: number, earned: number, expires: number): LotCandidate => ({
  id,
  remaining,
  earnedAt: addDays(D0, earned),
  expiresAt: addDays(D0, expires),
});

describe('planDebit', () => {
  it('takes the soonest-expiring lot first, the oldest on a tie, then by id', () => {
    const lots = [lot(1, 100, 0, 365), lot(2, 50, 5, 35), lot(3, 100, 1, 365), lot(4, 10, 1, 365)];
    const plan = planDebit(lots, 170, addDays(D0, 10));
    expect(plan.allocations.map((a) => [a.lotId, a.points])).toEqual([
      [2, 50],
      [1, 100],
      [3, 20],
    ]);
    expect(plan.shortfall).toBe(0);
    expect(
      plan.allocations.every((a) => a.occurredAt.getTime() === addDays(D0, 10).getTime()),
    ).toBe(true);
  });

  it('reports the shortfall and takes lots earned later last, at their earn time', () => {
    const at = addDays(D0, 10);
    const plan = planDebit([lot(1, 30, 20, 40), lot(2, 20, 0, 400)], 70, at);
    expect(plan.allocations.map((a) => [a.lotId, a.points])).toEqual([
      [2, 20],
      [1, 30],
    ]);
    expect(plan.allocations[1]?.occurredAt).toEqual(addDays(D0, 20));
    expect(plan.shortfall).toBe(20);
  });

  it('never takes more than a lot holds, nor more than asked', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const lots = Array.from({ length: rng.int(0, 6) }, (_, id) =>
        lot(id, rng.int(0, 50), rng.int(0, 5), rng.int(6, 60)),
      );
      const want = rng.int(1, 200);
      const plan = planDebit(lots, want, addDays(D0, 5));
      const taken = plan.allocations.reduce((s, a) => s + a.points, 0);
      expect(taken + plan.shortfall).toBe(want);
      for (const a of plan.allocations) {
        expect(a.points).toBeGreaterThan(0);
        expect(a.points).toBeLessThanOrEqual(lots[a.lotId]?.remaining ?? 0);
      }
      const held = lots.reduce((s, l) => s + l.remaining, 0);
      expect(plan.shortfall).toBe(Math.max(0, want - held));
    }
  });
});

describe('reference model (the property test’s oracle) on the DOMAIN.md examples', () => {
  const day = (n: number) => addDays(D0, n).getTime();
  it('earn 100 (day 30), earn 100 (day 60), redeem 150 on day 10 → 50 on day 31', () => {
    const m = new LedgerModel();
    m.apply({ kind: 'earn', at: day(0), key: 'a', points: 100, orderId: 'a', expiresAt: day(30) });
    m.apply({ kind: 'earn', at: day(1), key: 'b', points: 100, orderId: 'b', expiresAt: day(60) });
    m.apply({ kind: 'redeem', at: day(10), key: 'r', points: 150 });
    expect(m.balance(day(31))).toBe(50);
  });
  it('earn 100, redeem 50, earn 100, first lot expires → 100', () => {
    const m = new LedgerModel();
    m.apply({ kind: 'earn', at: day(0), key: 'a', points: 100, orderId: 'a', expiresAt: day(30) });
    m.apply({ kind: 'redeem', at: day(5), key: 'r', points: 50 });
    m.apply({ kind: 'earn', at: day(10), key: 'b', points: 100, orderId: 'b', expiresAt: day(90) });
    expect(m.balance(day(31))).toBe(100);
  });
});

describe('basePointsFor', () => {
  it('is floor(₹ × points per ₹100 / 100), in integers', () => {
    expect(basePointsFor(1_00_000 * 100, 10)).toBe(10_000); // ₹1,00,000 at 1 point per ₹10
    expect(basePointsFor(999_99, 10)).toBe(99); // ₹999.99
    expect(basePointsFor(-500, 10)).toBe(0);
  });
});
