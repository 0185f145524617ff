// The rolling 12-month qualifying metric of the tier engine (DOMAIN.md §4: tiers qualify on
// spend, orders or visits — never on the current balance). One definition, in SQL, shared by the
// per-member functions and the set-based nightly recalculation.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import type { TierMetric } from './tier-ladder';

/** Events that count as a visit for the `visits` metric: an app/web session or a store walk-in. */
export const VISIT_EVENT_TYPES = ['session.started', 'store.visited'] as const;

/** The qualifying window and the tier period, in calendar months. */
export const TIER_PERIOD_MONTHS = 12;

/** `t` shifted by whole calendar months, in UTC so the session time zone never changes it. */
export function shiftMonths(t: SQL, months: number): SQL {
  return sql`((${t} at time zone 'UTC') + make_interval(months => ${months}::int)) at time zone 'UTC'`;
}

/** Delivered orders (alias `o`) in (from, to]; a returned or cancelled order's status moved on. */
function deliveredIn(from: SQL, to: SQL): SQL {
  return sql`o.status = 'delivered' and o.delivered_at > ${from} and o.delivered_at <= ${to}`;
}

/** Visit events (alias `e`) in (from, to]. */
function visitsIn(from: SQL, to: SQL): SQL {
  const types = sql.join(
    VISIT_EVENT_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  return sql`e.type in (${types}) and e.occurred_at > ${from} and e.occurred_at <= ${to}`;
}

/**
 * SQL for one customer's qualifying value over (from, to], in threshold units: whole ₹ (floor) of
 * delivered orders still delivered (returned and cancelled orders drop out: their status moved
 * on), the count of those orders, or the count of visit events. `customerId` is an SQL
 * expression, so the same text serves a correlated subquery over many members.
 */
export function qualifyingValueSql(metric: TierMetric, customerId: SQL, from: SQL, to: SQL): SQL {
  if (metric === 'visits') {
    return sql`(select count(*) from events e
      where e.customer_id = ${customerId} and ${visitsIn(from, to)})`;
  }
  const measure = metric === 'spend' ? sql`coalesce(sum(o.total_paise), 0) / 100` : sql`count(*)`;
  return sql`(select ${measure} from orders o
    where o.customer_id = ${customerId} and ${deliveredIn(from, to)})`;
}

/**
 * The same values for every customer at once, over one window: CTEs `order_totals`
 * (customer_id, spend, orders) and `visit_totals` (customer_id, visits), each ONE pass over its
 * table (a hash aggregate) instead of a subquery per member. `where.orders` / `where.visits` narrow
 * a source (alias `o` / `e`): to one customer, or to nothing when no member uses its metrics.
 */
export function qualifyingTotalsCtes(from: SQL, to: SQL, where: { orders: SQL; visits: SQL }): SQL {
  return sql`
    order_totals as (
      select o.customer_id, sum(o.total_paise) / 100 as spend, count(*) as orders
      from orders o where ${deliveredIn(from, to)} and ${where.orders}
      group by o.customer_id
    ),
    visit_totals as (
      select e.customer_id, count(*) as visits
      from events e where ${visitsIn(from, to)} and ${where.visits}
      group by e.customer_id
    )`;
}

/** One customer's qualifying value over the 12 months up to `asOf` (or from `from`, exclusive). */
export async function qualifyingValue(
  db: Db,
  input: { customerId: string; metric: TierMetric; asOf: Date; from?: Date },
): Promise<number> {
  const to = sql`${input.asOf.toISOString()}::timestamptz`;
  const from = input.from
    ? sql`${input.from.toISOString()}::timestamptz`
    : shiftMonths(to, -TIER_PERIOD_MONTHS);
  const result = await db.execute(
    sql`select ${qualifyingValueSql(input.metric, sql`${input.customerId}`, from, to)}::bigint as value`,
  );
  return Number(result.rows[0]?.value ?? 0);
}
