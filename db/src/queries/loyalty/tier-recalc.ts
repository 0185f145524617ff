// The tier engine's one statement (docs/loyalty-ledger.md, "Tiers"): value every member's rolling
// 12-month metric, decide upgrade / downgrade / requalify / initial, update the members, append
// tier_history and emit loyalty.tier_changed into the event stream — set-based, in ONE statement,
// so a tier change and its event commit together (a retried job can neither lose nor repeat one).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { assertValidTime } from './plan';
import { qualifyingTotalsCtes, shiftMonths, TIER_PERIOD_MONTHS } from './tier-qualifying';
import { instant, isoUtc, ladderCtes } from './tier-sql';
import type { TierMetric } from './tier-ladder';
import type { TierChangeReason } from '../../schema';

/** The event journeys trigger on when a member's tier moves. */
export const TIER_CHANGED_EVENT = 'loyalty.tier_changed';

export interface TierChange {
  customerId: string;
  /** Null for a member's first tier. */
  fromTier: string | null;
  toTier: string;
  reason: TierChangeReason;
  metric: TierMetric;
  qualifyingValue: number;
  tierPeriodEndsAt: Date;
  /** Whether a loyalty.tier_changed event was emitted (not for a first tier at the bottom rung). */
  emitted: boolean;
}

export interface RecalculateResult {
  /** Upgrades, downgrades and first tiers, each with its tier_history row. */
  changes: TierChange[];
  /** Members whose period ended and who still qualify: their period was extended 12 months. */
  requalified: number;
}

/**
 * Nightly recalculation at `at`, for every member at once: anyone now qualifying higher is
 * upgraded; a member whose tier period has ended is downgraded to the highest tier it qualifies
 * for, or — still qualifying — keeps its tier for another 12 months; members never given a tier
 * get their first. Upgrades and downgrades emit loyalty.tier_changed. Idempotent for a given
 * `at`: a second run finds nothing left to change.
 */
export async function recalculateTiers(db: Db, at: Date): Promise<RecalculateResult> {
  assertValidTime(at, 'recalculateTiers');
  // Every member at once: the metric totals, the decisions and the returned changes are hashed
  // and sorted in memory instead of spilling to disk in 4 MB batches (100k members ≈ 40 MB).
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return runTierStatement(tx, { at, downgrades: true });
  });
}

interface TierStatementOptions {
  at: Date;
  /** Allow period-end moves (downgrade, requalify); upgrades and first tiers always apply. */
  downgrades: boolean;
  /** Narrow the statement to one member. */
  customerId?: string;
}

/** Runs the shared statement and reads its changes. */
export async function runTierStatement(
  db: Db,
  options: TierStatementOptions,
): Promise<RecalculateResult> {
  const result = await db.execute(tierStatement(options));
  return toResult(result.rows);
}

/** The statement's SQL (exported for EXPLAIN in benchmarks). */
export function tierStatement(options: TierStatementOptions): SQL {
  const at = instant(options.at);
  const from = shiftMonths(at, -TIER_PERIOD_MONTHS);
  const only = (customerId: SQL): SQL =>
    options.customerId === undefined ? sql`true` : sql`${customerId} = ${options.customerId}`;
  // A source no programme's metric needs is not read at all (a one-time filter on the ladder:
  // asking the 100k members in scope would scan them all when none matches).
  const needed = (metrics: SQL): SQL =>
    sql`exists (select from ladder l where l.idx = 0 and l.metric ${metrics})`;
  const periodEnded = options.downgrades ? sql`p.tier_period_ends_at <= ${at}` : sql`false`;
  return sql`
    with ${ladderCtes},
    scope as (
      select * from member_programs mp
      -- A late or replayed run never revisits a tier decided after its own time.
      where ${only(sql`mp.customer_id`)} and (mp.tier_since is null or mp.tier_since <= ${at})
    ),
    ${qualifyingTotalsCtes(from, at, {
      orders: sql`${only(sql`o.customer_id`)} and ${needed(sql`<> 'visits'`)}`,
      visits: sql`${only(sql`e.customer_id`)} and ${needed(sql`= 'visits'`)}`,
    })},
    valued as (
      select s.*, case s.metric
          when 'spend' then coalesce(ot.spend, 0)
          when 'orders' then coalesce(ot.orders, 0)
          else coalesce(vt.visits, 0) end as value
      from scope s
      left join order_totals ot on ot.customer_id = s.customer_id
      left join visit_totals vt on vt.customer_id = s.customer_id
    ),
    -- Materialized so each member's value and rungs are computed once, not once per use.
    decided as materialized (
      select p.*, case
          when p.tier_since is null or p.cur_idx is null then 'initial'
          when p.qual_idx > p.cur_idx then 'upgrade'
          when ${periodEnded} and p.qual_idx < p.cur_idx then 'downgrade'
          when ${periodEnded} then 'requalify'
        end as decision
      from (
        select v.*,
          (select max(l.idx) from ladder l
            where l.program_id = v.program_id and l.threshold <= v.value) as qual_idx,
          (select l.idx from ladder l where l.program_id = v.program_id and l.name = v.tier) as cur_idx
        from valued v
      ) p
    ),
    target as (
      select d.*, l.name as to_tier, l.multiplier as to_multiplier, base.name as base_tier,
        -- A first tier on the bottom rung is no news; every other move is announced.
        (d.decision in ('upgrade', 'downgrade') or (d.decision = 'initial' and d.qual_idx > 0)) as announce
      from decided d
      join ladder l on l.program_id = d.program_id
        and l.idx = case when d.decision = 'requalify' then d.cur_idx else d.qual_idx end
      join ladder base on base.program_id = d.program_id and base.idx = 0
      where d.decision is not null
    ),
    changed as (
      update loyalty_members m set
        tier = t.to_tier,
        tier_since = case when t.decision = 'requalify' then m.tier_since else ${at} end,
        tier_period_ends_at = case
          when t.decision <> 'requalify' then ${shiftMonths(at, TIER_PERIOD_MONTHS)}
          when ${shiftMonths(sql`m.tier_period_ends_at`, TIER_PERIOD_MONTHS)} > ${at}
            then ${shiftMonths(sql`m.tier_period_ends_at`, TIER_PERIOD_MONTHS)}
          else ${shiftMonths(at, TIER_PERIOD_MONTHS)} end
      from target t
      -- Decided on a snapshot: apply only if nobody moved this member meanwhile.
      where m.customer_id = t.customer_id and m.tier = t.tier
        and m.tier_since is not distinct from t.tier_since
        and m.tier_period_ends_at is not distinct from t.tier_period_ends_at
      returning m.customer_id, t.tier as held_tier, t.to_tier, t.base_tier, t.decision, t.metric,
        t.value, t.to_multiplier, t.announce, m.tier_period_ends_at as period_ends_at,
        'tier:' || m.customer_id || ':' || t.decision || ':' || ${isoUtc(at)} as history_key
    ),
    history as (
      insert into tier_history (customer_id, from_tier, to_tier, reason, metric, qualifying_value,
        period_ends_at, occurred_at, idempotency_key)
      select c.customer_id, case when c.decision = 'initial' then null else c.held_tier end,
        c.to_tier, c.decision, c.metric, c.value, c.period_ends_at, ${at}, c.history_key
      from changed c where c.decision <> 'requalify'
      on conflict (idempotency_key) do nothing
    ),
    emitted as (
      insert into events (idempotency_key, type, customer_id, occurred_at, properties)
      select 'loyalty:tier_changed:' || c.history_key, ${TIER_CHANGED_EVENT}, c.customer_id, ${at},
        jsonb_build_object(
          'from', case when c.decision = 'initial' then c.base_tier else c.held_tier end,
          'to', c.to_tier,
          'direction', case when c.decision = 'downgrade' then 'downgrade' else 'upgrade' end,
          'metric', c.metric,
          'qualifyingValue', c.value,
          'multiplier', c.to_multiplier,
          'tierPeriodEndsAt', ${isoUtc(sql`c.period_ends_at`)})
      from changed c where c.announce
      on conflict (idempotency_key) do nothing
    )
    select c.customer_id, c.held_tier, c.to_tier, c.decision, c.metric, c.value::bigint as value,
      c.period_ends_at, c.announce as emitted
    from changed c
    order by c.customer_id`;
}

function toResult(rows: Record<string, unknown>[]): RecalculateResult {
  const changes: TierChange[] = [];
  let requalified = 0;
  for (const row of rows) {
    const reason = row.decision;
    if (reason === 'requalify') {
      requalified++;
      continue;
    }
    if (reason !== 'initial' && reason !== 'upgrade' && reason !== 'downgrade') continue;
    changes.push({
      customerId: String(row.customer_id),
      fromTier: reason === 'initial' ? null : String(row.held_tier),
      toTier: String(row.to_tier),
      reason,
      metric: toMetric(row.metric),
      qualifyingValue: Number(row.value),
      tierPeriodEndsAt: toDate(row.period_ends_at),
      emitted: row.emitted === true,
    });
  }
  return { changes, requalified };
}

function toMetric(value: unknown): TierMetric {
  return value === 'orders' || value === 'visits' ? value : 'spend';
}

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new Error(`expected a timestamp, got ${typeof value}`);
}
