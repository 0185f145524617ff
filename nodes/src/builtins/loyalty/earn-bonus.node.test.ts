import { describe, expect, it } from 'vitest';
import earnBonus from './earn-bonus.node.ts';
import { fakeLoyaltyContext, NOW, runNode, STEP_KEY } from './fake-loyalty-context';

describe('loyalty.earn_bonus', () => {
  it('credits the points keyed by the step, with the shorter expiry, and reports them', async () => {
    const { ctx, calls } = fakeLoyaltyContext({ status: { balance: 1440 } });
    const result = await runNode(earnBonus, ctx, {
      points: 200,
      reason: 'birthday',
      expiresInDays: 30,
    });
    expect(calls[0]).toEqual({
      method: 'earnBonus',
      input: {
        points: 200,
        reason: 'birthday',
        expiresInDays: 30,
        idempotencyKey: STEP_KEY,
        at: NOW,
      },
    });
    expect(result).toEqual({
      port: 'next',
      output: expect.objectContaining({
        bonusPoints: '200',
        // 5 Mar 01:30 IST + 30 days
        bonusExpiresOn: '4 Apr',
        balance: '1,440',
        balancePoints: 1440,
        duplicate: false,
      }),
    });
  });

  it("keeps the programme's term when no expiry is set, and says when a retry found the credit", async () => {
    const { ctx, calls } = fakeLoyaltyContext({ credited: false });
    const result = await runNode(earnBonus, ctx, { points: 50 });
    expect(calls[0]).toMatchObject({
      method: 'earnBonus',
      input: { points: 50, reason: 'bonus', expiresInDays: undefined },
    });
    expect(result.output).toMatchObject({ duplicate: true });
  });

  it('refuses zero, fractional points and reasons that are not codes', () => {
    for (const bad of [{ points: 0 }, { points: 1.5 }, { points: 10, reason: 'Birth day' }]) {
      expect(earnBonus.config.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
