import { describe, expect, it } from 'vitest';
import tierBranch, { tierPort } from './tier-branch.node.ts';
import { fakeLoyaltyContext, runNode } from './fake-loyalty-context';

const ladder = { tiers: ['Bronze', 'Silver', 'Gold', 'Platinum'] };

describe('loyalty.tier_branch', () => {
  it('has one port per configured tier, plus other', () => {
    expect(tierBranch.portsFor(ladder)).toEqual(['bronze', 'silver', 'gold', 'platinum', 'other']);
    expect(tierBranch.portsFor({ tiers: ['VIP Club'] })).toEqual(['vip_club', 'other']);
    expect(tierPort(' Gold+ ')).toBe('gold');
  });

  it("goes down the port of the customer's tier, case-insensitively", async () => {
    const { ctx } = fakeLoyaltyContext({ status: { tier: 'GOLD' } });
    const result = await runNode(tierBranch, ctx, ladder);
    expect(result.port).toBe('gold');
    expect(result.output).toMatchObject({ tier: 'GOLD' });
  });

  it('goes other for an unlisted tier or a programme without tiers', async () => {
    const unlisted = fakeLoyaltyContext({ status: { tier: 'Platinum' } });
    expect((await runNode(tierBranch, unlisted.ctx, { tiers: ['Gold'] })).port).toBe('other');
    const none = fakeLoyaltyContext({ status: { tier: null, nextTier: null } });
    expect((await runNode(tierBranch, none.ctx, ladder)).port).toBe('other');
  });

  it('refuses duplicate tiers and names that cannot be ports', () => {
    const issues = (config: unknown) =>
      tierBranch.config.safeParse(config).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ tiers: ['Gold', 'gold'] })).toEqual([
      'tier names must be unique: gold appears twice',
    ]);
    expect(issues({ tiers: ['Other'] })[0]).toMatch(/cannot name a port/);
    expect(issues({ tiers: ['✨'] })[0]).toMatch(/cannot name a port/);
    expect(issues({ tiers: [] })).toHaveLength(1);
  });
});
