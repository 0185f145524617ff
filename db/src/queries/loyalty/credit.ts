// Writing a credit (earn or positive adjustment): an entry, its lot, and — if a reversal left the
// member owing points — the clawback from this new lot. Callers hold the member lock.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import {
  lotAllocations,
  pointsLedger,
  pointsLots,
  type LedgerEntry,
  type PointsLot,
} from '../../schema';
import { getBalance } from './balance';
import { insertEntry } from './entries';
import { touchMember, type LockedMember } from './members';
import { later } from './plan';

export interface CreditInput {
  kind: 'earn' | 'adjust';
  customerId: string;
  points: number;
  reason: string;
  orderId: string | null;
  idempotencyKey: string;
  occurredAt: Date;
  expiresAt: Date;
  meta: Record<string, unknown>;
}

export interface Credit {
  entry: LedgerEntry;
  lot: PointsLot;
  settledDebt: number;
  balanceAfter: number;
}

/** Writes the entry and its lot, then settles any reversal debt from the lot (oldest debt first). */
export async function writeCredit(
  tx: Db,
  locked: LockedMember,
  input: CreditInput,
): Promise<Credit> {
  // A new lot adds `points` to the balance as of its time whether or not it then settles a debt
  // (the debt was already counted against the balance), so balance_after is known up front.
  const balanceAfter = (await getBalance(tx, input.customerId, input.occurredAt)) + input.points;
  const debts = locked.member.pointsOwed > 0 ? await outstandingDebts(tx, input) : [];
  const settle = planSettlement(debts, input);
  const settledDebt = settle.reduce((sum, s) => sum + s.points, 0);
  const entry = await insertEntry(tx, {
    customerId: input.customerId,
    kind: input.kind,
    points: input.points,
    reason: input.reason,
    orderId: input.orderId,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt,
    balanceAfter,
    meta: settledDebt > 0 ? { ...input.meta, settledDebt } : input.meta,
  });
  const [lot] = await tx
    .insert(pointsLots)
    .values({
      customerId: input.customerId,
      entryId: entry.id,
      earned: input.points,
      remaining: input.points - settledDebt,
      earnedAt: input.occurredAt,
      expiresAt: input.expiresAt,
      orderId: input.orderId,
    })
    .returning();
  if (!lot) throw new Error('writeCredit: lot insert returned no row');
  if (settle.length > 0) {
    await tx.insert(lotAllocations).values(
      settle.map((s) => ({
        entryId: s.entryId,
        lotId: lot.id,
        points: s.points,
        occurredAt: s.occurredAt,
      })),
    );
  }
  await touchMember(tx, input.customerId, {
    at: input.occurredAt,
    activity: true,
    owedDelta: -settledDebt,
  });
  return { entry, lot, settledDebt, balanceAfter };
}

interface Debt {
  entryId: number;
  occurredAt: Date;
  outstanding: number;
}

/** Reversal entries not yet fully paid, oldest first ("clawback from the next earn"). */
async function outstandingDebts(tx: Db, input: CreditInput): Promise<Debt[]> {
  const outstanding = sql<number>`(-${pointsLedger.points} - coalesce(sum(${lotAllocations.points}), 0))::int`;
  const rows = await tx
    .select({ entryId: pointsLedger.id, occurredAt: pointsLedger.occurredAt, outstanding })
    .from(pointsLedger)
    .leftJoin(lotAllocations, eq(lotAllocations.entryId, pointsLedger.id))
    .where(
      and(
        eq(pointsLedger.customerId, input.customerId),
        eq(pointsLedger.kind, 'reverse'),
        // A lot that expired before the debt arose never coexisted with it.
        lt(pointsLedger.occurredAt, input.expiresAt),
      ),
    )
    .groupBy(pointsLedger.id)
    .having(sql`${outstanding} > 0`)
    .orderBy(pointsLedger.occurredAt, pointsLedger.id);
  return rows.map((r) => ({ ...r, outstanding: Number(r.outstanding) }));
}

/** How much of the new lot pays each debt, and when (not before the debt or the earn existed). */
function planSettlement(
  debts: Debt[],
  input: CreditInput,
): Array<{ entryId: number; points: number; occurredAt: Date }> {
  const plan: Array<{ entryId: number; points: number; occurredAt: Date }> = [];
  let left = input.points;
  for (const debt of debts) {
    if (left <= 0) break;
    const take = Math.min(left, debt.outstanding);
    plan.push({
      entryId: debt.entryId,
      points: take,
      occurredAt: later(debt.occurredAt, input.occurredAt),
    });
    left -= take;
  }
  return plan;
}
