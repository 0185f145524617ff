import { describe, expect, it } from 'vitest';
import { basePointsFor } from './programs';
import { addDays } from './plan';
import { LedgerModel } from './reference-model';

const D0 = new Date('2030-01-01T00:00:00.000Z');

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
