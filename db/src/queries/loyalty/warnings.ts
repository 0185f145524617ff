// Nightly warnings, each ONE set-based INSERT … SELECT into the event stream, idempotent on its
// key (docs/loyalty-ledger.md, "The nightly job"): points about to expire, and tiers about to drop.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { LOYALTY_EVENTS } from './loyalty-events';
import { assertValidTime } from './plan';
import { qualifyingValueSql, shiftMonths, TIER_PERIOD_MONTHS } from './tier-qualifying';
import type { TierMetric } from './tier-ladder';
import { customerZone, instant, isoUtc, ladderCtes, localDate, zonesCte } from './tier-sql';

/** Days before a lot expires, or a tier period ends, that a warning goes out. */
export const WARNING_DAYS = [30, 14, 7] as const;

export interface WarningRow {
  customerId: string;
  /** The warning's threshold (30, 14 or 7). */
  threshold: number;
  /** Calendar days left in the customer's time zone (≤ threshold, > the next threshold). */
  daysLeft: number;
  properties: Record<string, unknown>;
}

/**
 * The thresholds as rows (threshold, floor): a warning for T goes out on the first run at which
 * floor < days left ≤ T, so a run missed (or a lot earned with less than 30 days to live) is
 * caught up by the next one, and daily runs warn exactly T days before.
 */
function thresholdsCte(days: readonly number[]): SQL {
  const sorted = [...new Set(days)].sort((a, b) => b - a);
  const floors = sorted.map((_, i) => sorted[i + 1] ?? 0);
  return sql`th as (select * from unnest(${`{${sorted.join(',')}}`}::int[], ${`{${floors.join(',')}}`}::int[]) as t(threshold, floor_days))`;
}

/**
 * loyalty.points_expiring: for each member and each local calendar date on which some of its lots
 * expire, one event per threshold (key `loyalty:points_expiring:<customer>:<date>:<threshold>`)
 * with the points those lots still hold.
 */
export async function emitExpiryWarnings(
  db: Db,
  at: Date,
  days: readonly number[] = WARNING_DAYS,
): Promise<WarningRow[]> {
  assertValidTime(at, 'emitExpiryWarnings');
  const now = instant(at);
  const zone = customerZone;
  const horizon = Math.max(...days) + 2;
  const result = await db.execute(sql`
    with ${zonesCte}, ${thresholdsCte(days)},
    due as (
      select l.customer_id, ${localDate(sql`l.expires_at`, zone)} as expiry_date,
        ${localDate(sql`l.expires_at`, zone)} - ${localDate(now, zone)} as days_left,
        sum(l.remaining)::bigint as points, min(l.expires_at) as expires_at
      from points_lots l
      join customers c on c.id = l.customer_id
      left join zones z on z.name = c.time_zone
      where l.remaining > 0 and l.expires_at > ${now} and l.earned_at <= ${now}
        and l.expires_at <= ${now} + make_interval(days => ${horizon}::int)
      group by 1, 2, 3
    ),
    emitted as (
      insert into events (idempotency_key, type, customer_id, occurred_at, properties)
      select 'loyalty:points_expiring:' || d.customer_id || ':' || d.expiry_date || ':' || th.threshold,
        ${LOYALTY_EVENTS.pointsExpiring}, d.customer_id, ${now},
        jsonb_build_object('points', d.points, 'expiresAt', ${isoUtc(sql`d.expires_at`)},
          'expiryDate', d.expiry_date::text, 'daysLeft', d.days_left, 'threshold', th.threshold)
      from due d join th on d.days_left <= th.threshold and d.days_left > th.floor_days
      on conflict (idempotency_key) do nothing
      returning customer_id, properties
    )
    select * from emitted order by customer_id`);
  return result.rows.map(toWarning);
}

/**
 * loyalty.tier_downgrade_warning: members whose tier period ends within a threshold and who,
 * with no further activity, would not keep their tier then — their metric over the 12 months
 * before the period end, counting only what has happened up to now, reaches a lower rung.
 * Key `loyalty:tier_downgrade_warning:<customer>:<period end date>:<threshold>`.
 */
export async function emitTierDowngradeWarnings(
  db: Db,
  at: Date,
  days: readonly number[] = WARNING_DAYS,
): Promise<WarningRow[]> {
  assertValidTime(at, 'emitTierDowngradeWarnings');
  const now = instant(at);
  const zone = customerZone;
  const horizon = Math.max(...days) + 2;
  const projected = (metric: TierMetric) =>
    qualifyingValueSql(
      metric,
      sql`s.customer_id`,
      shiftMonths(sql`s.tier_period_ends_at`, -TIER_PERIOD_MONTHS),
      now,
    );
  const result = await db.execute(sql`
    with ${ladderCtes}, ${zonesCte}, ${thresholdsCte(days)},
    soon as (
      select m.customer_id, mp.program_id, mp.metric, m.tier, m.tier_period_ends_at,
        ${localDate(sql`m.tier_period_ends_at`, zone)} as period_end_date,
        ${localDate(sql`m.tier_period_ends_at`, zone)} - ${localDate(now, zone)} as days_left
      from loyalty_members m
      join member_programs mp on mp.customer_id = m.customer_id
      join customers c on c.id = m.customer_id
      left join zones z on z.name = c.time_zone
      where m.tier_period_ends_at > ${now}
        and m.tier_period_ends_at <= ${now} + make_interval(days => ${horizon}::int)
    ),
    valued as (
      select s.*, case s.metric
          when 'spend' then ${projected('spend')}
          when 'orders' then ${projected('orders')}
          else ${projected('visits')} end as value
      from soon s
    ),
    falling as (
      select v.*, cur.threshold as keep_threshold, cur.idx as cur_idx,
        (select max(l.idx) from ladder l
          where l.program_id = v.program_id and l.threshold <= v.value) as qual_idx
      from valued v
      join ladder cur on cur.program_id = v.program_id and cur.name = v.tier
    ),
    emitted as (
      insert into events (idempotency_key, type, customer_id, occurred_at, properties)
      select 'loyalty:tier_downgrade_warning:' || f.customer_id || ':' || f.period_end_date || ':' || th.threshold,
        ${LOYALTY_EVENTS.tierDowngradeWarning}, f.customer_id, ${now},
        jsonb_build_object('tier', f.tier, 'toTier', target.name,
          'tierPeriodEndsAt', ${isoUtc(sql`f.tier_period_ends_at`)}, 'daysLeft', f.days_left,
          'threshold', th.threshold, 'metric', f.metric, 'qualifyingValue', f.value,
          'toKeep', f.keep_threshold - f.value)
      from falling f
      join th on f.days_left <= th.threshold and f.days_left > th.floor_days
      join ladder target on target.program_id = f.program_id and target.idx = f.qual_idx
      where f.qual_idx < f.cur_idx
      on conflict (idempotency_key) do nothing
      returning customer_id, properties
    )
    select * from emitted order by customer_id`);
  return result.rows.map(toWarning);
}

export function toWarning(row: Record<string, unknown>): WarningRow {
  const properties = isObject(row.properties) ? row.properties : {};
  return {
    customerId: String(row.customer_id),
    threshold: Number(properties.threshold ?? 0),
    daysLeft: Number(properties.daysLeft ?? 0),
    properties,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
