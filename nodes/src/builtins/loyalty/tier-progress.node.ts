import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { LEDGER_RETRY, statusNow, statusOutput } from './loyalty-output';

/** Where a customer is on the way to the next tier: the port, highest band first. */
export function progressPort(status: {
  nextTier: unknown;
  progress: number;
}): 'top_tier' | 'over_90' | 'over_70' | 'below' {
  if (status.nextTier === null) return 'top_tier';
  if (status.progress >= 0.9) return 'over_90';
  if (status.progress >= 0.7) return 'over_70';
  return 'below';
}

/**
 * The tier progress nudge (DOMAIN.md §4): `over_90` at ≥ 90% of the next tier's threshold,
 * `over_70` at ≥ 70%, `below` under that, `top_tier` with nowhere higher to go. Messages read
 * `{{outputs.<id>.toNextTier}} from {{outputs.<id>.nextTier}}` → "₹420 from Gold".
 */
export default defineNode({
  type: 'loyalty.tier_progress',
  version: 1,
  title: 'Tier progress',
  category: 'loyalty',
  icon: '📈',
  description:
    'Branches on progress to the next tier: "over_90", "over_70", "below", or "top_tier" at the top.',
  kind: 'action',
  ports: ['over_90', 'over_70', 'below', 'top_tier'],
  config: z.object({}),
  example: {},
  async run(ctx) {
    const status = await statusNow(ctx);
    return { port: progressPort(status), output: statusOutput(status, ctx.customer.timeZone) };
  },
  retry: LEDGER_RETRY,
});
