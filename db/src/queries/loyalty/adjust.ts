import type { Db } from '../../client';
import { writeCredit } from './credit';
import { replayDebit, writeDebit } from './debit';
import { replayCredit } from './earn';
import { assertSameMovement, findEntryByKey } from './entries';
import { enrollAndLock, lockMember } from './members';
import { addDays, assertExpiresAfter, assertValidTime } from './plan';
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

/** An audited manual adjustment: note and actor are stored on the entry's meta. */
export async function adjustPoints(db: Db, input: AdjustInput): Promise<AdjustResult> {
  if (!Number.isSafeInteger(input.points) || input.points === 0) {
    throw new RangeError(`adjustPoints: points must be a non-zero integer, got ${input.points}`);
  }
  if (input.note.trim() === '' || input.actor.trim() === '') {
    throw new RangeError('adjustPoints: a note and an actor are required for the audit trail');
  }
  assertValidTime(input.occurredAt, 'adjustPoints');
  const meta = { note: input.note, actor: input.actor };
  return db.transaction((tx) =>
    input.points > 0 ? creditAdjustment(tx, input, meta) : debitAdjustment(tx, input, meta),
  );
}

async function creditAdjustment(
  tx: Db,
  input: AdjustInput,
  meta: Record<string, unknown>,
): Promise<AdjustResult> {
  const locked = await enrollAndLock(tx, input.customerId, input.occurredAt);
  const existing = await findEntryByKey(tx, input.idempotencyKey);
  if (existing) {
    assertSameMovement(existing, {
      customerId: input.customerId,
      kinds: ['adjust'],
      points: input.points,
    });
    return { ok: true, ...(await replayCredit(tx, existing)), allocations: [] };
  }
  const expiresAt = input.expiresAt ?? addDays(input.occurredAt, locked.expiryDays);
  assertExpiresAfter(input.occurredAt, expiresAt, 'adjustPoints');
  const credit = await writeCredit(tx, locked, {
    kind: 'adjust',
    customerId: input.customerId,
    points: input.points,
    reason: input.reason,
    orderId: null,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    expiresAt,
    meta,
  });
  return { ok: true, ...credit, allocations: [], created: true };
}

async function debitAdjustment(
  tx: Db,
  input: AdjustInput,
  meta: Record<string, unknown>,
): Promise<AdjustResult> {
  const locked = await lockMember(tx, input.customerId);
  const existing = await findEntryByKey(tx, input.idempotencyKey);
  if (existing) {
    assertSameMovement(existing, {
      customerId: input.customerId,
      kinds: ['adjust'],
      points: input.points,
    });
    return { ...(await replayDebit(tx, existing)), lot: null, settledDebt: 0 };
  }
  const debit = await writeDebit(tx, locked, {
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
