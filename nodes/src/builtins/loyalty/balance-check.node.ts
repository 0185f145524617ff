import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { LEDGER_RETRY, statusNow, statusOutput } from './loyalty-output';

/**
 * Branches on the points balance now: `at_least` the threshold (e.g. 500, enough for ₹50 off) or
 * `below` it. Later messages read the balance from `{{outputs.<id>.balance}}`.
 */
export default defineNode({
  type: 'loyalty.balance_check',
  version: 1,
  title: 'Check points balance',
  category: 'loyalty',
  icon: '⚖️',
  description: 'Goes "at_least" when the balance reaches the threshold, "below" otherwise.',
  kind: 'action',
  ports: ['at_least', 'below'],
  config: z.object({
    threshold: z
      .number()
      .int()
      .min(0)
      .max(100_000_000)
      .describe('Points, e.g. 500 (the smallest redemption)'),
  }),
  example: { threshold: 500 },
  async run(ctx, cfg) {
    const status = await statusNow(ctx);
    return {
      port: status.balance >= cfg.threshold ? 'at_least' : 'below',
      output: statusOutput(status, ctx.customer.timeZone),
    };
  },
  retry: LEDGER_RETRY,
});
