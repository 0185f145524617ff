import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../contract/durations';
import { createSimulatedLoyalty } from './simulated-loyalty';

const T0 = Date.parse('2026-03-04T20:00:00.000Z');
const at = (days: number) => new Date(T0 + days * DAY_MS);
const status = (loyalty: ReturnType<typeof createSimulatedLoyalty>, days: number, within = 30) =>
  loyalty.getStatus({ asOf: at(days), expiringWithinDays: within });

describe('the simulated loyalty ledger', () => {
  it('starts from the seed: balance, tier from the qualifying spend, points about to expire', async () => {
    const loyalty = createSimulatedLoyalty(
      { balance: 1240, qualifyingValue: 14_580, expiring: { points: 300, inDays: 12 } },
      T0,
    );
    expect(await status(loyalty, 0)).toEqual({
      member: true,
      balance: 1240,
      tier: 'Silver',
      metric: 'spend',
      nextTier: { name: 'Gold', threshold: 15_000 },
      toNextTier: 420,
      progress: 14_580 / 15_000,
      expiring: { points: 300, at: at(12) },
    });
    // The short lot leaves the balance by time alone.
    expect(await status(loyalty, 12)).toMatchObject({ balance: 940, expiring: { points: 0 } });
  });

  it('without a seed the customer is no member yet; a bonus makes them one, once per key', async () => {
    const loyalty = createSimulatedLoyalty(undefined, T0);
    expect(await status(loyalty, 0)).toMatchObject({ member: false, balance: 0, tier: 'Bronze' });
    const bonus = {
      points: 200,
      reason: 'birthday',
      expiresInDays: 30,
      idempotencyKey: 'k1',
      at: at(0),
    };
    expect(await loyalty.earnBonus(bonus)).toEqual({ created: true, expiresAt: at(30) });
    expect(await loyalty.earnBonus(bonus)).toEqual({ created: false, expiresAt: at(30) });
    expect(await status(loyalty, 1)).toMatchObject({ member: true, balance: 200 });
  });

  it('enroll: new, retried by the same step, or already a member', async () => {
    const fresh = createSimulatedLoyalty({ member: false }, T0);
    expect(await fresh.enroll({ idempotencyKey: 'k', at: at(0) })).toEqual({ created: true });
    expect(await fresh.enroll({ idempotencyKey: 'k', at: at(0) })).toEqual({ created: true });
    expect(await fresh.enroll({ idempotencyKey: 'other', at: at(1) })).toEqual({ created: false });
  });

  it('redeems the soonest-expiring points first, never overdraws, once per key', async () => {
    const loyalty = createSimulatedLoyalty(
      { balance: 800, expiring: { points: 300, inDays: 10 } },
      T0,
    );
    const redeem = { optionId: 'rs50-off', idempotencyKey: 'r1', at: at(1) };
    expect(await loyalty.redeem(redeem)).toMatchObject({ ok: true, points: 500, created: true });
    expect(await loyalty.redeem(redeem)).toMatchObject({ ok: true, created: false });
    // 300 short-lived + 200 of the rest were spent: nothing is left to expire on day 10.
    expect(await status(loyalty, 11)).toMatchObject({ balance: 300 });
    expect(await loyalty.redeem({ points: 301, idempotencyKey: 'r2', at: at(11) })).toEqual({
      ok: false,
      reason: 'insufficient-points',
      balance: 300,
      requested: 301,
    });
  });

  it('rejects an unknown option, and names the bad field of a seed', async () => {
    const loyalty = createSimulatedLoyalty({ balance: 800 }, T0);
    await expect(
      loyalty.redeem({ optionId: 'free-car', idempotencyKey: 'r', at: at(0) }),
    ).rejects.toThrow(
      /unknown redemption option "free-car" \(the programme has rs50-off, rs250-off\)/,
    );
    const invalid = (seed: unknown) =>
      createSimulatedLoyalty(seed, T0).getStatus({ asOf: at(0), expiringWithinDays: 30 });
    await expect(invalid({ balance: 100, expiring: { points: 300, inDays: 3 } })).rejects.toThrow(
      'loyalty.expiring.points: expiring points are part of the balance: at most 100',
    );
    await expect(invalid({ tier: 'Diamond' })).rejects.toThrow(/unknown tier Diamond/);
    await expect(invalid({ balanse: 100 })).rejects.toThrow(/loyalty: Unrecognized key: "balanse"/);
    // Nothing reads the seed until a loyalty node asks: other journeys ignore the attribute.
    expect(() => createSimulatedLoyalty('gold', T0)).not.toThrow();
  });
});
