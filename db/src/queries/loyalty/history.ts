import { and, asc, desc, eq, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { pointsLedger, pointsLots, type LedgerEntry } from '../../schema';
import { assertValidTime } from './plan';

export type LotStatus = 'active' | 'used' | 'expired';

/** A lot as it stood at one instant (the member page's "lots with expiry dates"). */
export interface LotView {
  id: number;
  entryId: number;
  orderId: string | null;
  earned: number;
  /** What the lot held at asOf; 0 once it has expired. */
  remaining: number;
  earnedAt: Date;
  expiresAt: Date;
  status: LotStatus;
}

/** The member's lots earned by `asOf`, in the order redemptions consume them. */
export async function getLots(
  db: Db,
  customerId: string,
  asOf: Date = new Date(),
): Promise<LotView[]> {
  assertValidTime(asOf, 'getLots');
  const rows = await db
    .select({
      id: pointsLots.id,
      entryId: pointsLots.entryId,
      orderId: pointsLots.orderId,
      earned: pointsLots.earned,
      earnedAt: pointsLots.earnedAt,
      expiresAt: pointsLots.expiresAt,
      held: sql<number>`(${pointsLots.earned} - coalesce((select sum(a.points) from lot_allocations a
        where a.lot_id = points_lots.id and a.occurred_at <= ${asOf}::timestamptz), 0))::int`.mapWith(
        Number,
      ),
    })
    .from(pointsLots)
    .where(and(eq(pointsLots.customerId, customerId), lte(pointsLots.earnedAt, asOf)))
    .orderBy(asc(pointsLots.expiresAt), asc(pointsLots.earnedAt), asc(pointsLots.id));
  return rows.map(({ held, ...lot }) => {
    const expired = lot.expiresAt.getTime() <= asOf.getTime();
    const status: LotStatus = expired ? 'expired' : held > 0 ? 'active' : 'used';
    return { ...lot, remaining: expired ? 0 : held, status };
  });
}

/** The member's ledger entries, newest first; `before` pages back by occurred_at. */
export async function listEntries(
  db: Db,
  customerId: string,
  opts: { limit?: number; before?: Date } = {},
): Promise<LedgerEntry[]> {
  const where: SQL[] = [eq(pointsLedger.customerId, customerId)];
  if (opts.before) where.push(lt(pointsLedger.occurredAt, opts.before));
  return db
    .select()
    .from(pointsLedger)
    .where(and(...where))
    .orderBy(desc(pointsLedger.occurredAt), desc(pointsLedger.id))
    .limit(opts.limit ?? 50);
}
