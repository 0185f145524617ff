import { describe, expect, it } from 'vitest';
import balanceCheck from './balance-check.node.ts';
import { fakeLoyaltyContext, NOW, runNode } from './fake-loyalty-context';

describe('loyalty.balance_check', () => {
  it.each([
    [1240, 'at_least'],
    [500, 'at_least'],
    [499, 'below'],
    [0, 'below'],
  ])('balance %i against 500 goes %s', async (balance, port) => {
    const { ctx, calls } = fakeLoyaltyContext({ status: { balance } });
    const result = await runNode(balanceCheck, ctx, { threshold: 500 });
    expect(result.port).toBe(port);
    expect(result.output).toMatchObject({ balancePoints: balance });
    expect(calls).toEqual([{ method: 'getStatus', input: { asOf: NOW, expiringWithinDays: 30 } }]);
  });

  it('formats figures for templates: Indian grouping, ₹ distances, local dates', async () => {
    const { ctx } = fakeLoyaltyContext({ status: { balance: 124_000 } });
    const result = await runNode(balanceCheck, ctx, { threshold: 500 });
    expect(result.output).toEqual({
      member: true,
      balance: '1,24,000',
      balancePoints: 124_000,
      tier: 'Silver',
      nextTier: 'Gold',
      toNextTier: '₹420',
      progressPercent: 97,
      expiringPoints: '300',
      expiringPointsCount: 300,
      expiringOn: '12 Mar',
      expiringAt: '2026-03-11T20:00:00.000Z',
    });
  });
});
