// Loyalty moments emitted into Yatra's own event stream, so journeys can trigger on them. Every
// event carries a deterministic idempotency key: emitting it again (a retried job or dispatch)
// has no effect. The nightly statements insert the same shapes set-based (warnings, birthdays,
// tier-recalc); single events go through ingestEvents like any accepted event.
import type { Db } from '../../client';
import { ingestEvents, type IngestEventInput, type IngestResult } from '../events';
import { TIER_CHANGED_EVENT } from './tier-recalc';

/** The event types the loyalty engine emits (docs/loyalty-ledger.md, "Events"). */
export const LOYALTY_EVENTS = {
  pointsEarned: 'loyalty.points_earned',
  tierChanged: TIER_CHANGED_EVENT,
  pointsExpiring: 'loyalty.points_expiring',
  tierDowngradeWarning: 'loyalty.tier_downgrade_warning',
  birthday: 'loyalty.birthday',
  cartRedemptionEligible: 'cart.redemption_eligible',
} as const;

/** loyalty.points_earned for an order's earn: one per order (key `loyalty:points_earned:order:<id>`). */
export function pointsEarnedEvent(input: {
  customerId: string;
  orderId: string;
  points: number;
  balance: number;
  expiresAt: Date;
  at: Date;
  tier: string | null;
  multiplier: number;
}): IngestEventInput {
  return {
    type: LOYALTY_EVENTS.pointsEarned,
    customerId: input.customerId,
    occurredAt: input.at,
    idempotencyKey: `loyalty:points_earned:order:${input.orderId}`,
    properties: {
      points: input.points,
      balance: input.balance,
      orderId: input.orderId,
      expiresAt: input.expiresAt.toISOString(),
      tier: input.tier,
      multiplier: input.multiplier,
    },
  };
}

const BATCH = 500;

/** Stores events exactly as the API does (idempotent on their keys), in batches. */
export async function emitEvents(db: Db, events: IngestEventInput[]): Promise<IngestResult> {
  const total: IngestResult = { accepted: [], duplicates: [] };
  for (let i = 0; i < events.length; i += BATCH) {
    const result = await ingestEvents(db, events.slice(i, i + BATCH));
    total.accepted.push(...result.accepted);
    total.duplicates.push(...result.duplicates);
  }
  return total;
}
