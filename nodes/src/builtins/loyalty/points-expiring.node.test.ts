import { describe, expect, it } from 'vitest';
import pointsExpiring from './points-expiring.node.ts';
import { fakeLoyaltyContext, NOW, runNode } from './fake-loyalty-context';

describe('loyalty.points_expiring', () => {
  it('says how many points expire within the window and when, in local days', async () => {
    const { ctx, calls } = fakeLoyaltyContext();
    const result = await runNode(pointsExpiring, ctx, { withinDays: 14 });
    expect(calls).toEqual([{ method: 'getStatus', input: { asOf: NOW, expiringWithinDays: 14 } }]);
    expect(result.port).toBe('expiring');
    // now: 5 Mar 01:30 IST; the lot expires 12 Mar 01:30 IST
    expect(result.output).toMatchObject({
      expiringPoints: '300',
      expiringPointsCount: 300,
      expiringOn: '12 Mar',
      daysLeft: 7,
    });
  });

  it('goes none when nothing expires in the window', async () => {
    const { ctx } = fakeLoyaltyContext({ status: { expiring: { points: 0, at: null } } });
    const result = await runNode(pointsExpiring, ctx, {});
    expect(result.port).toBe('none');
    expect(result.output).toMatchObject({ expiringPoints: '0', expiringOn: '' });
  });

  it('looks 30 days ahead by default and at most a year', () => {
    expect(pointsExpiring.config.parse({})).toEqual({ withinDays: 30 });
    expect(pointsExpiring.config.safeParse({ withinDays: 400 }).success).toBe(false);
  });
});
