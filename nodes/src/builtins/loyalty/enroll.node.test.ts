import { describe, expect, it } from 'vitest';
import enroll from './enroll.node.ts';
import { fakeLoyaltyContext, NOW, runNode, STEP_KEY } from './fake-loyalty-context';

describe('loyalty.enroll', () => {
  it('joins a new member with the step key and goes next, with the status as outputs', async () => {
    const { ctx, calls } = fakeLoyaltyContext({ enrolled: true });
    const result = await runNode(enroll, ctx, {});
    expect(result.port).toBe('next');
    expect(calls[0]).toEqual({ method: 'enroll', input: { idempotencyKey: STEP_KEY, at: NOW } });
    expect(result.output).toMatchObject({ balance: '1,240', tier: 'Silver', member: true });
  });

  it('goes already_member when the customer had joined', async () => {
    const { ctx } = fakeLoyaltyContext({ enrolled: false });
    expect((await runNode(enroll, ctx, {})).port).toBe('already_member');
  });

  it('fails clearly in a host without a loyalty service', async () => {
    const { ctx } = fakeLoyaltyContext();
    await expect(runNode(enroll, { ...ctx, loyalty: undefined }, {})).rejects.toThrow(
      /no loyalty service/,
    );
  });
});
