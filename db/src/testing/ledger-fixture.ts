// A large, rule-abiding loyalty ledger for benches, written set-based (generate_series INSERTs,
// no loop over members), plus the naive full-history balance the bench compares against.
//
// Every member has 20 entries over the last ~20 months: 12 monthly earns (lots of 50–300 points,
// 12-month expiry, each from a delivered order), 6 redemptions each using up the oldest lot ten
// days after it was earned (the soonest-expiring lot with points, as the rules require), and the
// posted expiry of lots 6 and 7, which expired untouched. Lots 8–11 are live, except that lot 8
// of about one member in six expired in the last five days and awaits the nightly job. Member
// start dates are spread over 30 days so expiries do not all fall on one night.
// balance_after is left null (as for set-based expiry entries): nothing here reads it.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

export interface LedgerFixtureOptions {
  members: number;
  /** The instant the ledger is "as of"; every entry is before it. */
  now: Date;
}

export interface LedgerFixture {
  members: number;
  entries: number;
  lots: number;
  allocations: number;
  orders: number;
  /** The id of member `i` (0-based). */
  customerId(i: number): string;
}

export const ENTRIES_PER_MEMBER = 20;
const LOTS = 12;
const REDEEMED_LOTS = 6;

/** The fixture's customer id of member `i`. */
export function fixtureCustomerId(i: number): string {
  return `m${String(i).padStart(7, '0')}`;
}

/** Generates the ledger into an empty (migrated) database; members join the default programme. */
export async function generateLedgerFixture(
  db: Db,
  options: LedgerFixtureOptions,
): Promise<LedgerFixture> {
  const n = options.members;
  const now = sql`${options.now.toISOString()}::timestamptz`;
  const cid = sql`'m' || lpad(m::text, 7, '0')`;
  // Member m's first earn: 610 days ago plus up to 30 days, spread by a multiplicative hash.
  const start = sql`(${now} - interval '610 days' + ((m * 7919) % 720) * interval '1 hour')`;
  const earnedAt = sql`(${start} + k * interval '30 days')`;
  const expiresAt = sql`(${earnedAt} + interval '365 days')`;
  const redeemedAt = sql`(${earnedAt} + interval '10 days')`;
  const points = sql`(50 + (m * 31 + k * 17) % 251)`;
  const entryId = (offset: SQL) => sql`(m::bigint * ${ENTRIES_PER_MEMBER} + ${offset} + 1)`;
  const lotId = sql`(m::bigint * ${LOTS} + k + 1)`;
  const members = sql`generate_series(0, ${n - 1}) m`;
  const lots = sql`${members} cross join generate_series(0, ${LOTS - 1}) k`;

  await db.transaction(async (tx) => {
    // The rows are consistent by construction: skip per-row foreign-key checks while loading
    // (needs a superuser, as the embedded server's is; the setting ends with the transaction).
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`insert into customers (id, name, created_at, updated_at)
      select ${cid}, 'Member ' || m, ${start}, ${start} from ${members}`);
    await tx.execute(sql`insert into loyalty_members (customer_id, program_id, joined_at,
        last_activity_at, last_entry_at)
      select ${cid}, (select id from loyalty_programs order by created_at, id limit 1), ${start},
        ${start} + interval '340 days',
        greatest(${start} + interval '330 days', ${start} + interval '575 days')
      from ${members}`);
    // Orders behind the last four earns: the tier engine's rolling 12-month spend reads them.
    await tx.execute(sql`insert into orders (id, customer_id, status, payment_method, total_paise,
        placed_at, delivered_at)
      select 'fx-' || m || '-' || k, ${cid}, 'delivered', 'prepaid', ${points} * 1000,
        ${earnedAt} - interval '3 days', ${earnedAt}
      from ${lots} where k >= 8`);
    await tx.execute(sql`insert into points_ledger (id, customer_id, kind, points, reason, order_id,
        idempotency_key, occurred_at)
      select ${entryId(sql`k`)}, ${cid}, 'earn', ${points}, 'order', 'fx-' || m || '-' || k,
        'order:fx-' || m || '-' || k || ':earn', ${earnedAt}
      from ${lots}
      union all
      select ${entryId(sql`${LOTS} + k`)}, ${cid}, 'redeem', -${points}, 'redemption', null,
        'fx:' || m || ':redeem:' || k, ${redeemedAt}
      from ${lots} where k < ${REDEEMED_LOTS}
      union all
      select ${entryId(sql`${LOTS + REDEEMED_LOTS - 6} + k`)}, ${cid}, 'expire', -${points},
        'expiry', 'fx-' || m || '-' || k, 'expire:lot:' || ${lotId}, ${expiresAt}
      from ${lots} where k in (6, 7)`);
    await tx.execute(sql`insert into points_lots (id, customer_id, entry_id, earned, remaining,
        earned_at, expires_at, order_id)
      select ${lotId}, ${cid}, ${entryId(sql`k`)}, ${points}, case when k < 8 then 0 else ${points} end,
        ${earnedAt}, ${expiresAt}, 'fx-' || m || '-' || k
      from ${lots}`);
    await tx.execute(sql`insert into lot_allocations (entry_id, lot_id, points, occurred_at)
      select ${entryId(sql`${LOTS} + k`)}, ${lotId}, ${points}, ${redeemedAt}
      from ${lots} where k < ${REDEEMED_LOTS}
      union all
      select ${entryId(sql`${LOTS + REDEEMED_LOTS - 6} + k`)}, ${lotId}, ${points}, ${expiresAt}
      from ${lots} where k in (6, 7)`);
    // Explicit ids were inserted: move the sequences past them for later writes.
    await tx.execute(sql`select setval(pg_get_serial_sequence('points_ledger', 'id'),
      (select max(id) from points_ledger))`);
    await tx.execute(sql`select setval(pg_get_serial_sequence('points_lots', 'id'),
      (select max(id) from points_lots))`);
  });
  await db.execute(sql`analyze`);
  return {
    members: n,
    entries: n * ENTRIES_PER_MEMBER,
    lots: n * LOTS,
    allocations: n * (REDEEMED_LOTS + 2),
    orders: n * 4,
    customerId: fixtureCustomerId,
  };
}

interface HistoryRow extends Record<string, unknown> {
  kind: string;
  points: number;
  lot_id: number | null;
  expires_at: string | null;
  allocations: Array<[number, number, string]>;
}

/**
 * The balance as of `asOf` the naive way: read the member's whole history up to then (every
 * entry, the lot each credit made, the allocations of each debit) and replay it in order — the
 * baseline the bench compares getBalance's index-only scan against. Same rule, same answer.
 */
export async function naiveBalance(db: Db, customerId: string, asOf: Date): Promise<number> {
  const t = asOf.toISOString();
  const result = await db.execute<HistoryRow>(sql`
    select e.kind, e.points, l.id as lot_id, l.expires_at,
      coalesce(json_agg(json_build_array(a.lot_id, a.points, a.occurred_at)
        order by a.lot_id) filter (where a.lot_id is not null), '[]') as allocations
    from points_ledger e
    left join points_lots l on l.entry_id = e.id
    left join lot_allocations a on a.entry_id = e.id
    where e.customer_id = ${customerId} and e.occurred_at <= ${t}::timestamptz
    group by e.id, l.id
    order by e.occurred_at, e.id`);
  // Lots first: a later credit may settle an earlier reversal's debt (its allocation is listed
  // under the reversal), so every lot must exist before allocations are replayed.
  const held = new Map<number, { points: number; expiresAt: number }>();
  for (const row of result.rows) {
    if (row.lot_id === null || row.expires_at === null) continue;
    held.set(Number(row.lot_id), {
      points: Number(row.points),
      expiresAt: new Date(row.expires_at).getTime(),
    });
  }
  const at = asOf.getTime();
  let owed = 0;
  for (const row of result.rows) {
    let paid = 0;
    for (const [lotId, points, occurredAt] of row.allocations) {
      if (new Date(occurredAt).getTime() > at) continue;
      const lot = held.get(Number(lotId));
      if (lot) lot.points -= Number(points);
      paid += Number(points);
    }
    if (row.kind === 'reverse') owed += -Number(row.points) - paid;
  }
  let balance = 0;
  for (const lot of held.values()) if (lot.expiresAt > at) balance += lot.points;
  return balance - owed;
}
