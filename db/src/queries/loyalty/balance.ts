import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyMembers } from '../../schema';
import { assertValidTime } from './plan';

/**
 * The balance as of any instant `t`: the sum, over lots earned at or before `t` that expire after
 * it, of what the lot held at `t` (earned − allocations that left it by `t`), minus the reversal
 * debt outstanding at `t` (docs/loyalty-ledger.md). Negative only while such a debt is owed.
 *
 * When `t` is at or after the member's last entry (the usual "now"), nothing after `t` has
 * touched the lots, so `remaining` is exact: one index-only scan of the live lots plus the cached
 * debt. Earlier instants replay the allocations instead.
 */
export async function getBalance(
  db: Db,
  customerId: string,
  asOf: Date = new Date(),
): Promise<number> {
  assertValidTime(asOf, 'getBalance');
  const [row] = await balanceQuery(db).execute({ customerId, asOf });
  return row?.balance ?? 0;
}

/**
 * One named prepared statement: its text never changes, so each connection parses and plans it
 * once instead of on every lookup (planning costs more than running the index-only scan).
 */
function balanceQuery(db: Db) {
  const t = sql`${sql.placeholder('asOf')}::timestamptz`;
  const now = sql`
    coalesce((select sum(l.remaining) from points_lots l
      where l.customer_id = m.customer_id and l.remaining > 0
        and l.expires_at > ${t} and l.earned_at <= ${t}), 0)
    - m.points_owed`;
  const past = sql`
    coalesce((select sum(l.earned - coalesce((select sum(a.points) from lot_allocations a
        where a.lot_id = l.id and a.occurred_at <= ${t}), 0))
      from points_lots l
      where l.customer_id = m.customer_id and l.earned_at <= ${t} and l.expires_at > ${t}), 0)
    - coalesce((select sum(-e.points - coalesce((select sum(a.points) from lot_allocations a
        where a.entry_id = e.id and a.occurred_at <= ${t}), 0))
      from points_ledger e
      where e.customer_id = m.customer_id and e.kind = 'reverse' and e.occurred_at <= ${t}), 0)`;
  return db
    .select({
      balance: sql`case when m.last_entry_at is null or m.last_entry_at <= ${t}
        then ${now} else ${past} end`.mapWith(Number),
    })
    .from(sql`${loyaltyMembers} m`)
    .where(sql`m.customer_id = ${sql.placeholder('customerId')}`)
    .prepare('loyalty_get_balance');
}
