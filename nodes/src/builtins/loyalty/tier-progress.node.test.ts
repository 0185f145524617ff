import { describe, expect, it } from 'vitest';
import tierProgress from './tier-progress.node.ts';
import { fakeLoyaltyContext, runNode } from './fake-loyalty-context';

const gold = { name: 'Gold', threshold: 15_000 };

describe('loyalty.tier_progress', () => {
  it.each([
    [14_580, 'over_90', '₹420'],
    [13_500, 'over_90', '₹1,500'],
    [13_499, 'over_70', '₹1,501'],
    [10_500, 'over_70', '₹4,500'],
    [10_499, 'below', '₹4,501'],
  ])('spend ₹%i of Gold’s ₹15,000 goes %s (%s to go)', async (spend, port, toNextTier) => {
    const { ctx } = fakeLoyaltyContext({
      status: { nextTier: gold, toNextTier: 15_000 - spend, progress: spend / 15_000 },
    });
    const result = await runNode(tierProgress, ctx, {});
    expect(result.port).toBe(port);
    expect(result.output).toMatchObject({ toNextTier, nextTier: 'Gold' });
  });

  it('goes top_tier when there is no tier above', async () => {
    const { ctx } = fakeLoyaltyContext({
      status: { tier: 'Platinum', nextTier: null, toNextTier: 0, progress: 1 },
    });
    const result = await runNode(tierProgress, ctx, {});
    expect(result.port).toBe('top_tier');
    expect(result.output).toMatchObject({ nextTier: '', toNextTier: '', progressPercent: 100 });
  });

  it('counts orders and visits for ladders on those metrics', async () => {
    const { ctx } = fakeLoyaltyContext({
      status: {
        metric: 'orders',
        nextTier: { name: 'Gold', threshold: 10 },
        toNextTier: 1,
        progress: 0.9,
      },
    });
    expect((await runNode(tierProgress, ctx, {})).output).toMatchObject({ toNextTier: '1 order' });
  });
});
