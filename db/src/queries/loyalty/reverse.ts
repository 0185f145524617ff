import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { pointsLedger, pointsLots, type LedgerEntry } from '../../schema';
import { optionalInt } from '../parse';
import { getBalance } from './balance';
import {
  allocationsOf,
  assertSameMovement,
  findEntryByKey,
  insertEntry,
  writeAllocations,
} from './entries';
import { lockMember, touchMember } from './members';
import { assertValidTime, planDebit, type LotCandidate } from './plan';
import type { ReverseResult, ReverseSplit } from './types';

export interface ReverseInput {
  customerId: string;
  orderId: string;
  /** e.g. `order:<orderId>:reverse`. */
  idempotencyKey: string;
  occurredAt: Date;
  reason: 'return' | 'cancel';
  meta?: Record<string, unknown>;
}

/**
 * Reverses the points an order earned (a return or cancellation). The rule (docs/loyalty-ledger.md):
 * 1. The amount is what the order's lots earned, less what of them expired (or had expired by
 *    `occurredAt`: those points already left the balance) and less earlier reversals of the order.
 * 2. It is taken back from what remains of the order's own lots first.
 * 3. Points of the order already spent are taken from the member's other lots unexpired at
 *    `occurredAt`, soonest-expiring first (then from lots earned later, next earn first).
 * 4. Whatever is still missing becomes a debt: the balance goes negative by exactly that much,
 *    and the next credits (earns or positive adjustments) settle it before anything else.
 * No lot ever goes below zero. Nothing to reverse (the order never earned, or was already
 * reversed) is a result, not an error. Idempotent on the key.
 */
export async function reverseOrderPoints(db: Db, input: ReverseInput): Promise<ReverseResult> {
  assertValidTime(input.occurredAt, 'reverseOrderPoints');
  const nothing: ReverseResult = {
    ok: false,
    reason: 'nothing-to-reverse',
    orderId: input.orderId,
  };
  return db.transaction(async (tx): Promise<ReverseResult> => {
    const locked = await lockMember(tx, input.customerId);
    const existing = await findEntryByKey(tx, input.idempotencyKey);
    if (existing) {
      assertSameMovement(existing, {
        customerId: input.customerId,
        kinds: ['reverse'],
        orderId: input.orderId,
      });
      return replayReverse(tx, existing);
    }
    if (!locked) return nothing;

    const { target, takeable } = await reversalTarget(tx, input);
    if (target <= 0) return nothing;
    const fromOrder = planDebit(takeable, target, input.occurredAt);
    const others = await otherLots(tx, input);
    const fromOthers = planDebit(others, fromOrder.shortfall, input.occurredAt);
    const split: ReverseSplit = {
      fromOrderLots: target - fromOrder.shortfall,
      fromOtherLots: fromOrder.shortfall - fromOthers.shortfall,
      debt: fromOthers.shortfall,
    };
    // Every reversed point leaves the balance at occurredAt: taken from a lot, or owed.
    const balanceAfter = (await getBalance(tx, input.customerId, input.occurredAt)) - target;
    const entry = await insertEntry(tx, {
      customerId: input.customerId,
      kind: 'reverse',
      points: -target,
      reason: input.reason,
      orderId: input.orderId,
      idempotencyKey: input.idempotencyKey,
      occurredAt: input.occurredAt,
      balanceAfter,
      meta: { ...input.meta, ...split },
    });
    const allocations = await writeAllocations(tx, entry.id, [
      ...fromOrder.allocations,
      ...fromOthers.allocations,
    ]);
    await touchMember(tx, input.customerId, {
      at: input.occurredAt,
      activity: false,
      owedDelta: split.debt,
    });
    return { ok: true, entry, allocations, balanceAfter, created: true, ...split };
  });
}

/** How many points the reversal must remove, and the order's lots it can take them from. */
async function reversalTarget(
  tx: Db,
  input: ReverseInput,
): Promise<{ target: number; takeable: LotCandidate[] }> {
  const lots = await tx
    .select({
      id: pointsLots.id,
      earned: pointsLots.earned,
      remaining: pointsLots.remaining,
      earnedAt: pointsLots.earnedAt,
      expiresAt: pointsLots.expiresAt,
      expired: sql<number>`coalesce((select sum(a.points) from lot_allocations a
        join points_ledger e on e.id = a.entry_id
        where a.lot_id = points_lots.id and e.kind = 'expire'), 0)::int`.mapWith(Number),
    })
    .from(pointsLots)
    .where(and(eq(pointsLots.customerId, input.customerId), eq(pointsLots.orderId, input.orderId)));
  const [reversed] = await tx
    .select({ points: sql<number>`coalesce(sum(-${pointsLedger.points}), 0)::int`.mapWith(Number) })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.customerId, input.customerId),
        eq(pointsLedger.orderId, input.orderId),
        eq(pointsLedger.kind, 'reverse'),
      ),
    );
  const t = input.occurredAt.getTime();
  const alive = (l: { expiresAt: Date }) => l.expiresAt.getTime() > t;
  const expired = lots.reduce((sum, l) => sum + l.expired + (alive(l) ? 0 : l.remaining), 0);
  const earned = lots.reduce((sum, l) => sum + l.earned, 0);
  return {
    target: earned - expired - (reversed?.points ?? 0),
    takeable: lots.filter((l) => alive(l) && l.remaining > 0),
  };
}

/** The member's other lots still holding points and unexpired at the reversal's time. */
async function otherLots(tx: Db, input: ReverseInput): Promise<LotCandidate[]> {
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
        eq(pointsLots.customerId, input.customerId),
        gt(pointsLots.remaining, 0),
        gt(pointsLots.expiresAt, input.occurredAt),
        sql`${pointsLots.orderId} is distinct from ${input.orderId}`,
      ),
    );
}

/** The original result of a reversal, read back for an idempotent replay. */
async function replayReverse(db: Db, entry: LedgerEntry): Promise<ReverseResult> {
  return {
    ok: true,
    entry,
    allocations: await allocationsOf(db, entry.id, entry.orderId ?? undefined),
    balanceAfter: entry.balanceAfter ?? 0,
    created: false,
    fromOrderLots: optionalInt(entry.meta.fromOrderLots) ?? 0,
    fromOtherLots: optionalInt(entry.meta.fromOtherLots) ?? 0,
    debt: optionalInt(entry.meta.debt) ?? 0,
  };
}
