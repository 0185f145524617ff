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
 * debt. Earlier instants replay the allocations instead. The rule is ONE SQL function,
 * loyalty_balance_at (0004_ledger_fast_path.sql), which the ledger's writes use for balance_after.
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
 * once instead of on every lookup (planning costs more than running the index-only scan). The
 * member row in FROM gives drizzle a table to select from; a customer who never joined has none.
 */
function balanceQuery(db: Db) {
  return db
    .select({
      balance:
        sql`loyalty_balance_at(m.customer_id, ${sql.placeholder('asOf')}::timestamptz)`.mapWith(
          Number,
        ),
    })
    .from(sql`${loyaltyMembers} m`)
    .where(sql`m.customer_id = ${sql.placeholder('customerId')}`)
    .prepare('loyalty_get_balance');
}
