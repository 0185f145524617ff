// Low-level writes shared by every movement: entries (append-only), allocations and the lots
// they draw down. Callers hold the member lock.
import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import {
  lotAllocations,
  pointsLedger,
  pointsLots,
  type LedgerEntry,
  type LedgerKind,
  type LotAllocation,
} from '../../schema';
import type { PlannedAllocation } from './plan';
import { IdempotencyKeyConflictError } from './types';

export type NewEntry = typeof pointsLedger.$inferInsert;

/** The entry already written under `key`, or null. */
export async function findEntryByKey(db: Db, key: string): Promise<LedgerEntry | null> {
  const [row] = await db.select().from(pointsLedger).where(eq(pointsLedger.idempotencyKey, key));
  return row ?? null;
}

/**
 * A replayed key must describe the same movement; otherwise the caller reused a key by mistake
 * and silently returning the old entry would hide a lost movement.
 */
export function assertSameMovement(
  existing: LedgerEntry,
  expected: { customerId: string; kinds: readonly LedgerKind[]; points?: number; orderId?: string },
): void {
  const same =
    existing.customerId === expected.customerId &&
    expected.kinds.includes(existing.kind) &&
    (expected.points === undefined || existing.points === expected.points) &&
    (expected.orderId === undefined || existing.orderId === expected.orderId);
  if (!same) {
    throw new IdempotencyKeyConflictError(
      existing.idempotencyKey,
      `${existing.kind} ${existing.points} for customer ${existing.customerId}`,
    );
  }
}

/** Appends an entry; throws a conflict if a concurrent writer took the key for another member. */
export async function insertEntry(db: Db, entry: NewEntry): Promise<LedgerEntry> {
  const [row] = await db
    .insert(pointsLedger)
    .values(entry)
    .onConflictDoNothing({ target: pointsLedger.idempotencyKey })
    .returning();
  if (!row) throw new IdempotencyKeyConflictError(entry.idempotencyKey, 'another movement');
  return row;
}

/**
 * Records which lots paid for `entryId` and draws those lots down, in two statements whatever
 * the number of lots. The CHECK (remaining >= 0) makes a wrong plan fail instead of overdraw.
 */
export async function writeAllocations(
  db: Db,
  entryId: number,
  plan: PlannedAllocation[],
): Promise<LotAllocation[]> {
  if (plan.length === 0) return [];
  const inserted = await db
    .insert(lotAllocations)
    .values(
      plan.map((p) => ({ entryId, lotId: p.lotId, points: p.points, occurredAt: p.occurredAt })),
    )
    .returning();
  const position = new Map(plan.map((p, i) => [p.lotId, i]));
  const rows = inserted.sort((a, b) => (position.get(a.lotId) ?? 0) - (position.get(b.lotId) ?? 0));
  const cases = sql.join(
    plan.map((p) => sql`when ${p.lotId}::bigint then ${p.points}::int`),
    sql` `,
  );
  await db
    .update(pointsLots)
    .set({ remaining: sql`${pointsLots.remaining} - (case ${pointsLots.id} ${cases} end)` })
    .where(
      inArray(
        pointsLots.id,
        plan.map((p) => p.lotId),
      ),
    );
  return rows;
}

/**
 * The allocations that paid for one entry when it was written, in consumption order (what a
 * replay returns). Lots created after the entry (later earns settling a reversal's debt) are
 * left out: writes to one member are serialised, so those lots come from later entries.
 */
export async function allocationsOf(
  db: Db,
  entryId: number,
  /** A reversal's order: its own lots were taken first, so they are listed first. */
  ownOrderId?: string,
): Promise<LotAllocation[]> {
  const order: SQL[] = [
    asc(lotAllocations.occurredAt),
    asc(pointsLots.expiresAt),
    asc(pointsLots.earnedAt),
    asc(pointsLots.id),
  ];
  if (ownOrderId !== undefined) {
    order.unshift(sql`${pointsLots.orderId} is distinct from ${ownOrderId}`);
  }
  const rows = await db
    .select({ allocation: lotAllocations })
    .from(lotAllocations)
    .innerJoin(pointsLots, eq(pointsLots.id, lotAllocations.lotId))
    .where(and(eq(lotAllocations.entryId, entryId), lt(pointsLots.entryId, entryId)))
    .orderBy(...order);
  return rows.map((r) => r.allocation);
}
