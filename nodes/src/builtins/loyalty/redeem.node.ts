import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { formatPaise, formatPoints } from './format';
import { LEDGER_RETRY, loyaltyOf, statusNow, statusOutput } from './loyalty-output';

/**
 * Applies a redemption: a programme option by id (500 points = ₹50 off) or a number of points.
 * The ledger spends the soonest-expiring points first and never overdraws: without enough points
 * nothing is spent and the run takes `insufficient`. Keyed by the step, so a retry spends once.
 */
export default defineNode({
  type: 'loyalty.redeem',
  version: 1,
  title: 'Redeem points',
  category: 'loyalty',
  icon: '🏷️',
  description:
    'Spends points on a redemption option (or a number of points); "insufficient" when the balance is short.',
  kind: 'action',
  ports: ['redeemed', 'insufficient'],
  config: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('option'),
      optionId: z
        .string()
        .min(1)
        .describe(
          'A redemption option of the programme (rs50-off), or a template such as {{trigger.properties.option.id}}',
        ),
    }),
    z.object({
      mode: z.literal('points'),
      points: z.number().int().positive().max(1_000_000).describe('Points to spend'),
    }),
  ]),
  example: { mode: 'option', optionId: 'rs50-off' },
  async run(ctx, cfg) {
    const key = { idempotencyKey: ctx.idempotencyKey, at: ctx.now };
    const what =
      cfg.mode === 'option'
        ? { optionId: ctx.render(cfg.optionId).trim() }
        : { points: cfg.points };
    const result = await loyaltyOf(ctx).redeem({ ...what, ...key });
    const status = statusOutput(await statusNow(ctx), ctx.customer.timeZone);
    if (!result.ok) {
      return {
        port: 'insufficient',
        output: { ...status, requestedPoints: formatPoints(result.requested) },
      };
    }
    const { option } = result;
    return {
      port: 'redeemed',
      output: {
        ...status,
        redeemedPoints: formatPoints(result.points),
        optionId: option?.id ?? '',
        optionLabel: option?.label ?? '',
        value: option?.valuePaise === undefined ? '' : formatPaise(option.valuePaise),
        duplicate: !result.created,
      },
    };
  },
  retry: LEDGER_RETRY,
});
