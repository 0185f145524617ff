import type { Db } from '../../client';
import { writeCredit } from './credit';
import { assertExpiresAfter, assertPositivePoints, assertValidTime } from './plan';
import type { EarnResult } from './types';

export interface EarnInput {
  customerId: string;
  points: number;
  /** Reason code: 'order', 'birthday', 'anniversary', 'promo'… */
  reason: string;
  orderId?: string;
  /** e.g. `order:<orderId>:earn`, so an order earns once however often its event arrives. */
  idempotencyKey: string;
  /** Business time of the earn (may be virtual, or in the past for a late event). */
  occurredAt: Date;
  /** Defaults to occurredAt + the programme's expiry days (365 without a programme). */
  expiresAt?: Date;
  meta?: Record<string, unknown>;
}

/**
 * Credits points as a new lot with its own expiry, enrolling the customer on first earn.
 * Idempotent on the key: a replay returns the original entry and lot and credits nothing.
 * If an earlier reversal left the member owing points, this lot settles that debt first.
 * One round trip (loyalty_credit).
 */
export async function earnPoints(db: Db, input: EarnInput): Promise<EarnResult> {
  assertPositivePoints(input.points, 'earnPoints');
  assertValidTime(input.occurredAt, 'earnPoints');
  if (input.expiresAt) assertExpiresAfter(input.occurredAt, input.expiresAt, 'earnPoints');
  return writeCredit(db, {
    kind: 'earn',
    customerId: input.customerId,
    points: input.points,
    reason: input.reason,
    orderId: input.orderId ?? null,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    expiresAt: input.expiresAt,
    meta: input.meta ?? {},
  });
}
