import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { formatDay, formatPoints } from './format';
import { LEDGER_RETRY, loyaltyOf, statusNow, statusOutput } from './loyalty-output';

/**
 * Credits bonus points (birthday, anniversary, a goodwill gesture) as a lot of their own, with an
 * optional shorter life: short-lived bonus points are spent first. Keyed by the step, so a
 * retried step credits once; the customer joins on this first credit if they had not.
 */
export default defineNode({
  type: 'loyalty.earn_bonus',
  version: 1,
  title: 'Give bonus points',
  category: 'loyalty',
  icon: '🎁',
  description:
    'Credits bonus points (e.g. a birthday gift), optionally expiring sooner than earned points.',
  kind: 'action',
  ports: ['next'],
  config: z.object({
    points: z.number().int().positive().max(1_000_000).describe('Bonus points to credit'),
    reason: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'a reason code like birthday (lower-case letters, digits, _)')
      .max(40)
      .default('bonus')
      .describe('Reason code on the ledger entry: birthday, anniversary, goodwill…'),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe("Days until these points expire; empty: the programme's usual term"),
  }),
  example: { points: 200, reason: 'birthday', expiresInDays: 30 },
  async run(ctx, cfg) {
    const credit = await loyaltyOf(ctx).earnBonus({
      points: cfg.points,
      reason: cfg.reason,
      expiresInDays: cfg.expiresInDays,
      idempotencyKey: ctx.idempotencyKey,
      at: ctx.now,
    });
    const status = await statusNow(ctx);
    return {
      port: 'next',
      output: {
        ...statusOutput(status, ctx.customer.timeZone),
        bonusPoints: formatPoints(cfg.points),
        bonusExpiresOn: formatDay(credit.expiresAt, ctx.customer.timeZone),
        duplicate: !credit.created,
      },
    };
  },
  retry: LEDGER_RETRY,
});
