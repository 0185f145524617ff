// What every loyalty node leaves in `outputs.<nodeId>` for later nodes: figures formatted for a
// message ("1,240", "₹420", "12 Mar") plus a few raw numbers for conditions. JSON only: outputs
// live in the run's state.
import type { NodeContext } from '../../contract/define-node';
import type { LoyaltyService, LoyaltyStatus } from '../../contract/loyalty-service';
import { formatDay, formatPoints, formatTierDistance } from './format';

/** How far ahead "expiring" looks when a node does not say (the first expiry warning). */
export const DEFAULT_EXPIRY_WINDOW_DAYS = 30;

/** The loyalty service, or a clear failure in a host that has none. */
export function loyaltyOf(ctx: NodeContext): LoyaltyService {
  if (!ctx.loyalty) throw new Error(`node ${ctx.run.nodeId}: this host has no loyalty service`);
  return ctx.loyalty;
}

/** Reads the customer's status now, looking `expiringWithinDays` ahead. */
export function statusNow(
  ctx: NodeContext,
  expiringWithinDays = DEFAULT_EXPIRY_WINDOW_DAYS,
): Promise<LoyaltyStatus> {
  return loyaltyOf(ctx).getStatus({ asOf: ctx.now, expiringWithinDays });
}

/**
 * The status as template values: `{{outputs.<id>.balance}}` → "1,240",
 * `{{outputs.<id>.toNextTier}} from {{outputs.<id>.nextTier}}` → "₹420 from Gold",
 * `{{outputs.<id>.expiringPoints}} points expire on {{outputs.<id>.expiringOn}}` → "300 … 12 Mar".
 * `balancePoints`, `progressPercent` and `expiringPointsCount` are numbers for conditions.
 */
export function statusOutput(status: LoyaltyStatus, timeZone: string): Record<string, unknown> {
  const { expiring } = status;
  return {
    member: status.member,
    balance: formatPoints(status.balance),
    balancePoints: status.balance,
    tier: status.tier ?? '',
    nextTier: status.nextTier?.name ?? '',
    toNextTier: status.nextTier ? formatTierDistance(status.toNextTier, status.metric) : '',
    progressPercent: Math.floor(status.progress * 100),
    expiringPoints: formatPoints(expiring.points),
    expiringPointsCount: expiring.points,
    expiringOn: expiring.at ? formatDay(expiring.at, timeZone) : '',
    expiringAt: expiring.at ? expiring.at.toISOString() : '',
  };
}

/** Activity policy of the loyalty nodes: ledger calls are idempotent, so retry a transient fault. */
export const LEDGER_RETRY = { maximumAttempts: 10, initialIntervalMs: 1_000 };
