import { eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { pointsLots, type LedgerEntry } from '../../schema';
import { optionalInt } from '../parse';
import { writeCredit } from './credit';
import { assertSameMovement, findEntryByKey } from './entries';
import { enrollAndLock } from './members';
import { addDays, assertExpiresAfter, assertPositivePoints, assertValidTime } from './plan';
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
 */
export async function earnPoints(db: Db, input: EarnInput): Promise<EarnResult> {
  assertPositivePoints(input.points, 'earnPoints');
  assertValidTime(input.occurredAt, 'earnPoints');
  return db.transaction(async (tx) => {
    const locked = await enrollAndLock(tx, input.customerId, input.occurredAt);
    const existing = await findEntryByKey(tx, input.idempotencyKey);
    if (existing) {
      assertSameMovement(existing, {
        customerId: input.customerId,
        kinds: ['earn'],
        points: input.points,
      });
      return replayCredit(tx, existing);
    }
    const expiresAt = input.expiresAt ?? addDays(input.occurredAt, locked.expiryDays);
    assertExpiresAfter(input.occurredAt, expiresAt, 'earnPoints');
    const credit = await writeCredit(tx, locked, {
      kind: 'earn',
      customerId: input.customerId,
      points: input.points,
      reason: input.reason,
      orderId: input.orderId ?? null,
      idempotencyKey: input.idempotencyKey,
      occurredAt: input.occurredAt,
      expiresAt,
      meta: input.meta ?? {},
    });
    return { ...credit, created: true };
  });
}

/** The original result of a credit entry, read back for an idempotent replay. */
export async function replayCredit(db: Db, entry: LedgerEntry): Promise<EarnResult> {
  const [lot] = await db.select().from(pointsLots).where(eq(pointsLots.entryId, entry.id));
  if (!lot) throw new Error(`ledger entry ${entry.id} is a credit without a lot`);
  return {
    entry,
    lot,
    settledDebt: optionalInt(entry.meta.settledDebt) ?? 0,
    balanceAfter: entry.balanceAfter ?? 0,
    created: false,
  };
}
