import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { calendarDaysUntil } from './format';
import { LEDGER_RETRY, statusNow, statusOutput } from './loyalty-output';

/**
 * How many points expire within the next N days, and when the first of them go: `expiring`
 * when some do, `none` when nothing is due (e.g. the customer spent them since the warning
 * was scheduled). Messages read `{{outputs.<id>.expiringPoints}}` and `{{outputs.<id>.expiringOn}}`.
 */
export default defineNode({
  type: 'loyalty.points_expiring',
  version: 1,
  title: 'Points expiring',
  category: 'loyalty',
  icon: '⏳',
  description:
    'Goes "expiring" when points expire within the next N days (how many, when), else "none".',
  kind: 'action',
  ports: ['expiring', 'none'],
  config: z.object({
    withinDays: z.number().int().min(1).max(365).default(30).describe('Look this many days ahead'),
  }),
  example: { withinDays: 30 },
  async run(ctx, cfg) {
    const status = await statusNow(ctx, cfg.withinDays);
    const { points, at } = status.expiring;
    const output = statusOutput(status, ctx.customer.timeZone);
    if (points <= 0 || !at) return { port: 'none', output };
    const daysLeft = calendarDaysUntil(ctx.now, at, ctx.customer.timeZone);
    return { port: 'expiring', output: { ...output, daysLeft } };
  },
  retry: LEDGER_RETRY,
});
