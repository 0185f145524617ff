// SQL fragments shared by the set-based tier and nightly statements.
import { sql, type SQL } from 'drizzle-orm';

/** A timestamptz as the ISO string JavaScript writes (`…T…Z`), for event properties. */
export function isoUtc(t: SQL): SQL {
  return sql`to_char(${t} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A JavaScript instant as a timestamptz parameter. */
export function instant(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}

/**
 * CTEs `ladder` (program_id, idx from 0, name, threshold, multiplier, metric: one row per rung of
 * every programme) and `member_programs` (customer_id, program_id, metric, and the member's tier,
 * tier_since, tier_period_ends_at: each member with the programme that applies to it — its own,
 * else the default — restricted to programmes with tiers).
 */
export const ladderCtes = sql`
  ladder as (
    select p.id as program_id, (r.ord - 1)::int as idx, r.t->>'name' as name,
      (r.t->>'threshold')::numeric as threshold, (r.t->>'multiplier')::numeric as multiplier,
      r.t->>'metric' as metric
    from loyalty_programs p
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(p.tiers) = 'array' then p.tiers else '[]'::jsonb end
    ) with ordinality as r(t, ord)
  ),
  default_program as (
    select id from loyalty_programs order by created_at, id limit 1
  ),
  -- Two branches rather than one join on coalesce(m.program_id, default): the planner cannot
  -- estimate a join on an expression (it guesses 1/200 of the members), and that guess turned
  -- the nightly statement's joins over 100k members into nested loops. The programme's metric is
  -- its first rung's, as in ladder.
  member_programs as (
    select m.customer_id, p.id as program_id, p.tiers->0->>'metric' as metric, m.tier,
      m.tier_since, m.tier_period_ends_at
    from loyalty_members m join loyalty_programs p on p.id = m.program_id
    where jsonb_typeof(p.tiers) = 'array' and p.tiers->0 is not null
    union all
    select m.customer_id, p.id, p.tiers->0->>'metric', m.tier, m.tier_since, m.tier_period_ends_at
    from loyalty_members m join loyalty_programs p on p.id = (select id from default_program)
    where m.program_id is null and jsonb_typeof(p.tiers) = 'array' and p.tiers->0 is not null
  )`;

/**
 * CTE `zones` (name): the time zones PostgreSQL knows, so a customer's unknown zone falls back to
 * Asia/Kolkata instead of failing the whole nightly statement.
 */
export const zonesCte = sql`zones as materialized (select name from pg_timezone_names)`;

/** The customer's zone (alias `c` for customers, `z` for a left join on zones). */
export const customerZone = sql`coalesce(z.name, 'Asia/Kolkata')`;

/** The calendar date of `t` in the zone `zone`. */
export function localDate(t: SQL, zone: SQL): SQL {
  return sql`(${t} at time zone ${zone})::date`;
}
