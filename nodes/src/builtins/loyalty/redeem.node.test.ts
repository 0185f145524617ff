import { describe, expect, it } from 'vitest';
import redeem from './redeem.node.ts';
import { fakeLoyaltyContext, NOW, runNode, STEP_KEY } from './fake-loyalty-context';

describe('loyalty.redeem', () => {
  it('applies an option named by a template, keyed by the step, and goes redeemed', async () => {
    const { ctx, calls } = fakeLoyaltyContext({
      status: { balance: 740 },
      redemption: {
        ok: true,
        points: 500,
        created: true,
        option: { id: 'rs50-off', label: '₹50 off', points: 500, valuePaise: 5_000 },
      },
    });
    const result = await runNode(redeem, ctx, {
      mode: 'option',
      optionId: '{{trigger.properties.option.id}}',
    });
    expect(calls[0]).toEqual({
      method: 'redeem',
      input: { optionId: 'rs50-off', idempotencyKey: STEP_KEY, at: NOW },
    });
    expect(result).toEqual({
      port: 'redeemed',
      output: expect.objectContaining({
        redeemedPoints: '500',
        optionId: 'rs50-off',
        optionLabel: '₹50 off',
        value: '₹50',
        balance: '740',
        duplicate: false,
      }),
    });
  });

  it('spends a number of points', async () => {
    const { ctx, calls } = fakeLoyaltyContext();
    await runNode(redeem, ctx, { mode: 'points', points: 1200 });
    expect(calls[0]).toMatchObject({ method: 'redeem', input: { points: 1200 } });
  });

  it('goes insufficient, spending nothing, when the balance is short', async () => {
    const { ctx } = fakeLoyaltyContext({
      status: { balance: 120 },
      redemption: { ok: false, reason: 'insufficient-points', balance: 120, requested: 500 },
    });
    const result = await runNode(redeem, ctx, { mode: 'points', points: 500 });
    expect(result.port).toBe('insufficient');
    expect(result.output).toMatchObject({ balance: '120', requestedPoints: '500' });
  });

  it('needs an option id or a positive whole number of points', () => {
    for (const bad of [{ mode: 'option', optionId: '' }, { mode: 'points', points: -5 }, {}]) {
      expect(redeem.config.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
