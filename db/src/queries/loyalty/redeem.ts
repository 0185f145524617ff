import type { Db } from '../../client';
import { writeDebit } from './debit';
import { assertPositivePoints, assertValidTime } from './plan';
import type { RedeemResult } from './types';

export interface RedeemInput {
  customerId: string;
  /** How many points to spend (positive). */
  points: number;
  /** Reason code, e.g. 'redemption' or the redemption option's id. */
  reason: string;
  idempotencyKey: string;
  occurredAt: Date;
  meta?: Record<string, unknown>;
}

/**
 * Spends points from the soonest-expiring lots unexpired at `occurredAt` (oldest earn first on a
 * tie), recording which lots paid. One round trip (loyalty_debit), which locks the member row
 * first: concurrent redemptions queue instead of overdrawing; the lots' CHECK is the backstop.
 * Returns InsufficientPoints (writing nothing) rather than throwing; a replayed key returns the
 * original result and debits nothing.
 */
export async function redeemPoints(db: Db, input: RedeemInput): Promise<RedeemResult> {
  assertPositivePoints(input.points, 'redeemPoints');
  assertValidTime(input.occurredAt, 'redeemPoints');
  return writeDebit(db, {
    kind: 'redeem',
    customerId: input.customerId,
    points: input.points,
    reason: input.reason,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    meta: input.meta ?? {},
  });
}
