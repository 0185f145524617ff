// Spending points (redemption or negative adjustment): take them from the soonest-expiring lots
// that are unexpired at the debit's time, never more than the member has. Caller holds the lock.
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../client';
import { pointsLots, type LedgerEntry } from '../../schema';
import { getBalance } from './balance';
import { allocationsOf, insertEntry, writeAllocations } from './entries';
import { touchMember, type LockedMember } from './members';
import { planDebit, type LotCandidate } from './plan';
import type { DebitResult, InsufficientPoints } from './types';

export interface DebitInput {
  kind: 'redeem' | 'adjust';
  customerId: string;
  /** Positive: how many points to take. */
  points: number;
  reason: string;
  idempotencyKey: string;
  occurredAt: Date;
  meta: Record<string, unknown>;
}

/** The member's lots that can pay at `at`: earned by then, not yet expired, not used up. */
export async function spendableLots(tx: Db, customerId: string, at: Date): Promise<LotCandidate[]> {
  return tx
    .select({
      id: pointsLots.id,
      remaining: pointsLots.remaining,
      earnedAt: pointsLots.earnedAt,
      expiresAt: pointsLots.expiresAt,
    })
    .from(pointsLots)
    .where(
      and(
        eq(pointsLots.customerId, customerId),
        gt(pointsLots.remaining, 0),
        lte(pointsLots.earnedAt, at),
        gt(pointsLots.expiresAt, at),
      ),
    )
    .orderBy(asc(pointsLots.expiresAt), asc(pointsLots.earnedAt), asc(pointsLots.id));
}

/**
 * Writes the debit, or returns InsufficientPoints and writes nothing. A reversal debt still owed
 * counts against what can be spent. `locked` null means the customer never joined (balance 0).
 */
export async function writeDebit(
  tx: Db,
  locked: LockedMember | null,
  input: DebitInput,
): Promise<DebitResult | InsufficientPoints> {
  const lots = locked ? await spendableLots(tx, input.customerId, input.occurredAt) : [];
  const owed = locked?.member.pointsOwed ?? 0;
  const available = lots.reduce((sum, l) => sum + l.remaining, 0) - owed;
  if (!locked || available < input.points) {
    return {
      ok: false,
      reason: 'insufficient-points',
      balance: available,
      requested: input.points,
    };
  }
  const plan = planDebit(lots, input.points, input.occurredAt);
  // At or after the last entry the spendable lots are the whole balance; earlier, replay it.
  const lastEntryAt = locked.member.lastEntryAt;
  const before =
    lastEntryAt === null || lastEntryAt.getTime() <= input.occurredAt.getTime()
      ? available
      : await getBalance(tx, input.customerId, input.occurredAt);
  const entry = await insertEntry(tx, {
    customerId: input.customerId,
    kind: input.kind,
    points: -input.points,
    reason: input.reason,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    balanceAfter: before - input.points,
    meta: input.meta,
  });
  const allocations = await writeAllocations(tx, entry.id, plan.allocations);
  await touchMember(tx, input.customerId, {
    at: input.occurredAt,
    activity: input.kind === 'redeem',
    owedDelta: 0,
  });
  return { ok: true, entry, allocations, balanceAfter: before - input.points, created: true };
}

/** The original result of a debit entry, read back for an idempotent replay. */
export async function replayDebit(db: Db, entry: LedgerEntry): Promise<DebitResult> {
  return {
    ok: true,
    entry,
    allocations: await allocationsOf(db, entry.id),
    balanceAfter: entry.balanceAfter ?? 0,
    created: false,
  };
}
