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
 * every programme) and `member_programs` (customer_id, program_id, metric: each member with the
 * programme that applies to it — its own, else the default — restricted to programmes with tiers).
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
  member_programs as (
    select m.customer_id, l.program_id, l.metric
    from loyalty_members m
    join ladder l on l.program_id = coalesce(m.program_id, (select id from default_program))
      and l.idx = 0
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
