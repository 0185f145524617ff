import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyMembers, pointsLots } from '../../schema';
import { assertValidTime } from './plan';

export interface ExpireInput {
  /** Expire every lot whose expires_at is at or before this instant. */
  asOf: Date;
  /** At most this many lots per call (the nightly job loops while hasMore). */
  limit?: number;
  /** Only this member's lots (tests, or tidying one member before showing it). */
  customerId?: string;
}

export interface ExpireResult {
  /** Lots expired by this call. */
  lots: number;
  /** Points those lots still held. */
  points: number;
  customerIds: string[];
  /** True if `limit` cut the batch short. */
  hasMore: boolean;
}

/**
 * Writes the expiry entries that are due, set-based: for each lot still holding points whose
 * expires_at <= asOf, one `expire` entry (key `expire:lot:<id>`, occurred at the lot's expiry)
 * for exactly what is left, allocated to that lot, and the lot drops to 0 — an expiry removes
 * only what remains. Balances never wait for this job (they ignore expired lots by time); it
 * makes the expiry visible as a movement. Idempotent: an expired lot holds nothing to expire.
 */
export async function expireLots(db: Db, input: ExpireInput): Promise<ExpireResult> {
  assertValidTime(input.asOf, 'expireLots');
  return db.transaction(async (tx) => {
    const due: SQL[] = [gt(pointsLots.remaining, 0), lte(pointsLots.expiresAt, input.asOf)];
    if (input.customerId !== undefined) due.push(eq(pointsLots.customerId, input.customerId));
    const query = tx
      .select({ id: pointsLots.id, customerId: pointsLots.customerId })
      .from(pointsLots)
      .where(and(...due))
      .orderBy(asc(pointsLots.expiresAt), asc(pointsLots.id));
    const candidates = await (input.limit === undefined ? query : query.limit(input.limit));
    if (candidates.length === 0) return { lots: 0, points: 0, customerIds: [], hasMore: false };

    // Lock the members first, in one order, as every other ledger write does (member, then its
    // lots): a redemption racing this job waits instead of spending a lot being expired.
    const customerIds = [...new Set(candidates.map((c) => c.customerId))].sort();
    await tx
      .select({ customerId: loyaltyMembers.customerId })
      .from(loyaltyMembers)
      .where(sql`${loyaltyMembers.customerId} = any(${sql.param(customerIds)}::text[])`)
      .orderBy(asc(loyaltyMembers.customerId))
      .for('update');

    // A new statement sees what committed while we waited: re-check that each lot still holds points.
    const ids = candidates.map((c) => c.id);
    const result = await tx.execute(sql`
      with due as (
        select id, customer_id, remaining, expires_at, order_id from points_lots
        where id = any(${sql.param(ids)}::bigint[]) and remaining > 0
          and expires_at <= ${input.asOf}::timestamptz
        for update
      ), entries as (
        insert into points_ledger
          (customer_id, kind, points, reason, order_id, idempotency_key, occurred_at, meta)
        select customer_id, 'expire', -remaining, 'expiry', order_id, 'expire:lot:' || id,
          expires_at, jsonb_build_object('lotId', id)
        from due
        on conflict (idempotency_key) do nothing
        returning id, idempotency_key
      ), allocations as (
        insert into lot_allocations (entry_id, lot_id, points, occurred_at)
        select e.id, d.id, d.remaining, d.expires_at
        from entries e join due d on e.idempotency_key = 'expire:lot:' || d.id
        returning lot_id, points, occurred_at
      ), drained as (
        update points_lots l set remaining = 0 from allocations a where l.id = a.lot_id
        returning l.customer_id, a.points, a.occurred_at
      ), touched as (
        update loyalty_members m set last_entry_at = greatest(m.last_entry_at, x.at)
        from (select customer_id, max(occurred_at) as at from drained group by customer_id) x
        where m.customer_id = x.customer_id
        returning m.customer_id
      )
      select count(*)::int as lots, coalesce(sum(points), 0)::int as points,
        coalesce((select array_agg(customer_id order by customer_id) from touched), '{}') as customer_ids
      from drained`);
    const [row] = result.rows;
    return {
      lots: Number(row?.lots ?? 0),
      points: Number(row?.points ?? 0),
      customerIds: toStrings(row?.customer_ids),
      hasMore: input.limit !== undefined && candidates.length >= input.limit,
    };
  });
}

function toStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
