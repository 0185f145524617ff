import type { Db } from '../../client';
import { writeCredit } from './credit';
import { writeDebit } from './debit';
import { assertExpiresAfter, assertValidTime } from './plan';
import type { AdjustResult } from './types';

export interface AdjustInput {
  customerId: string;
  /** Signed: > 0 credits a new lot, < 0 spends like a redemption (never overdraws). */
  points: number;
  /** Reason code, e.g. 'manual', 'goodwill', 'correction'. */
  reason: string;
  /** Why, in words — required: manual movements are audited. */
  note: string;
  /** Who made it (user id or email, or 'system'). */
  actor: string;
  idempotencyKey: string;
  occurredAt: Date;
  /** For a positive adjustment; defaults like an earn. */
  expiresAt?: Date;
}

/**
 * An audited manual adjustment: note and actor are stored on the entry's meta. One round trip:
 * a positive one is a credit (a new lot, enrolling on first credit), a negative one a debit.
 */
export async function adjustPoints(db: Db, input: AdjustInput): Promise<AdjustResult> {
  if (!Number.isSafeInteger(input.points) || input.points === 0) {
    throw new RangeError(`adjustPoints: points must be a non-zero integer, got ${input.points}`);
  }
  if (input.note.trim() === '' || input.actor.trim() === '') {
    throw new RangeError('adjustPoints: a note and an actor are required for the audit trail');
  }
  assertValidTime(input.occurredAt, 'adjustPoints');
  const meta = { note: input.note, actor: input.actor };
  if (input.points < 0) {
    const debit = await writeDebit(db, {
      kind: 'adjust',
      customerId: input.customerId,
      points: -input.points,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      occurredAt: input.occurredAt,
      meta,
    });
    return debit.ok ? { ...debit, lot: null, settledDebt: 0 } : debit;
  }
  if (input.expiresAt) assertExpiresAfter(input.occurredAt, input.expiresAt, 'adjustPoints');
  const credit = await writeCredit(db, {
    kind: 'adjust',
    customerId: input.customerId,
    points: input.points,
    reason: input.reason,
    orderId: null,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    expiresAt: input.expiresAt,
    meta,
  });
  return { ok: true, ...credit, allocations: [] };
}
