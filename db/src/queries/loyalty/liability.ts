// The loyalty liability report (Ind-AS 115 / IFRS 15, DOMAIN.md §4): points outstanding and their
// value as of an instant, the movements of a period, an expected-breakage estimate from history,
// deferred revenue and revenue recognised from expiry. Set-based SQL over the whole ledger in one
// read-only snapshot, never a loop over members.
//
// The period is (from, to]: after `from`, up to and including `to`. That is what makes the report
// reconcile exactly with the balance-as-of rule (docs/loyalty-ledger.md), which counts what
// happened at the instant itself: opening = Σ balances as of `from`, closing = Σ balances as of
// `to`, and closing = opening + issued − redeemed − expired − reversed − adjustedOut. Consecutive
// reports chain: one's closing is the next one's opening.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { assertValidTime } from './plan';
import { getDefaultProgram } from './programs';

/**
 * Breakage assumed until some lot has matured (expired by `to`): the midpoint of the 14–22% of
 * issued points that typically expire under a 12-month rolling expiry (DOMAIN.md §4).
 */
export const FALLBACK_BREAKAGE_RATE = 0.18;

/** A point's value when no programme is configured (the loyalty_programs column default). */
export const DEFAULT_POINT_VALUE_PAISE = 10;

/** Months are calendar months in India, where the books are kept. */
export const LIABILITY_TIME_ZONE = 'Asia/Kolkata';

/** Movements of a period in points, each a non-negative amount (signs are in the identity). */
export interface LiabilityMovements {
  /** Earned plus positive adjustments: every credit is a new lot. */
  issued: number;
  earned: number;
  adjustedIn: number;
  redeemed: number;
  /**
   * What lots held when they expired, for lots whose expiry falls in the period. Balances drop at
   * expires_at by time alone, so this counts an expiry the nightly job has not posted yet.
   */
  expired: number;
  reversed: number;
  /** Negative adjustments. */
  adjustedOut: number;
  /** `expire` entries the nightly job wrote in the period (≤ expired until it catches up). */
  expiryEntriesPosted: number;
}

/** One calendar month of the period (IST), for the chart. */
export interface LiabilityMonth extends LiabilityMovements {
  /** YYYY-MM. */
  month: string;
  /** Points outstanding at the month's end (or at `to`, for the last month). */
  closing: number;
}

export interface PointsAmount {
  points: number;
  valuePaise: number;
}

export interface BreakageEstimate {
  /** Share of issued points expected to expire unredeemed, 0..1. */
  rate: number;
  /** 'history' when some lot has matured by `to`; otherwise the documented fallback. */
  basis: 'history' | 'fallback';
  /** Points issued in lots whose expiry passed by `to`, and how many of them expired. */
  maturedIssued: number;
  maturedExpired: number;
}

export interface LiabilityReport {
  from: Date;
  to: Date;
  timeZone: string;
  pointValuePaise: number;
  /** Σ of every member's balance as of `from` and as of `to`, and its face value. */
  opening: PointsAmount;
  closing: PointsAmount;
  movements: LiabilityMovements;
  breakage: BreakageEstimate;
  /** The contract liability: closing value × (1 − breakage rate). */
  deferredRevenuePaise: number;
  /** Expired points are recognised as revenue: expired × point value. */
  revenueFromExpiryPaise: number;
  reconciliation: {
    /** opening + issued − redeemed − expired − reversed − adjustedOut. */
    computedClosing: number;
    /** computedClosing − closing; 0 when the ledger is consistent. */
    difference: number;
  };
  months: LiabilityMonth[];
}

export interface LiabilityInput {
  from: Date;
  to: Date;
  /** Defaults to the default programme's point value (Yatra runs one brand). */
  pointValuePaise?: number;
}

/**
 * The liability report for the period (from, to].
 * @example const r = await getLiabilityReport(db, { from: new Date('2030-01-01'), to: new Date('2030-04-01') });
 */
export async function getLiabilityReport(db: Db, input: LiabilityInput): Promise<LiabilityReport> {
  assertValidTime(input.from, 'getLiabilityReport');
  assertValidTime(input.to, 'getLiabilityReport');
  if (input.from.getTime() >= input.to.getTime()) {
    throw new RangeError('getLiabilityReport: from must be before to');
  }
  const pointValuePaise =
    input.pointValuePaise ??
    (await getDefaultProgram(db))?.pointValuePaise ??
    DEFAULT_POINT_VALUE_PAISE;
  // One snapshot: a redemption committing between two statements cannot unbalance the report.
  const { balances, months, matured } = await db.transaction(
    async (tx) => ({
      balances: await outstanding(tx, input.from, input.to),
      months: await monthlyMovements(tx, input.from, input.to),
      matured: await maturedLots(tx, input.to),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const movements = sumMovements(months);
  let running = balances.opening;
  const withClosing = months.map((m) => {
    running += netChange(m);
    return { ...m, closing: running };
  });
  const breakage: BreakageEstimate =
    matured.issued > 0
      ? {
          rate: matured.expired / matured.issued,
          basis: 'history',
          maturedIssued: matured.issued,
          maturedExpired: matured.expired,
        }
      : { rate: FALLBACK_BREAKAGE_RATE, basis: 'fallback', maturedIssued: 0, maturedExpired: 0 };
  const value = (points: number) => points * pointValuePaise;
  const computedClosing = balances.opening + netChange(movements);
  return {
    from: input.from,
    to: input.to,
    timeZone: LIABILITY_TIME_ZONE,
    pointValuePaise,
    opening: { points: balances.opening, valuePaise: value(balances.opening) },
    closing: { points: balances.closing, valuePaise: value(balances.closing) },
    movements,
    breakage,
    deferredRevenuePaise: Math.round(value(balances.closing) * (1 - breakage.rate)),
    revenueFromExpiryPaise: value(movements.expired),
    reconciliation: { computedClosing, difference: computedClosing - balances.closing },
    months: withClosing,
  };
}

/** What a period's movements do to the points outstanding. */
function netChange(m: LiabilityMovements): number {
  return m.issued - m.redeemed - m.expired - m.reversed - m.adjustedOut;
}

const MOVEMENT_KEYS = [
  'issued',
  'earned',
  'adjustedIn',
  'redeemed',
  'expired',
  'reversed',
  'adjustedOut',
  'expiryEntriesPosted',
] as const satisfies ReadonlyArray<keyof LiabilityMovements>;

/** No movement at all: the start of a sum. */
export function emptyMovements(): LiabilityMovements {
  return {
    issued: 0,
    earned: 0,
    adjustedIn: 0,
    redeemed: 0,
    expired: 0,
    reversed: 0,
    adjustedOut: 0,
    expiryEntriesPosted: 0,
  };
}

function sumMovements(months: LiabilityMovements[]): LiabilityMovements {
  const total = emptyMovements();
  for (const m of months) for (const k of MOVEMENT_KEYS) total[k] += m[k];
  return total;
}

/**
 * Σ over all members of the balance as of `t` (docs/loyalty-ledger.md rule 5), set-based:
 * what lots unexpired at `t` earned, less what left them by `t`, less reversal debt outstanding
 * at `t` (reversed points not yet paid by an allocation). Expiry allocations sit exactly at
 * expires_at, so they never fall inside a lot's life and need no filter.
 */
function outstandingAt(t: Date): SQL {
  const at = sql`${t.toISOString()}::timestamptz`;
  return sql`(
    (select coalesce(sum(l.earned), 0) from points_lots l
      where l.earned_at <= ${at} and l.expires_at > ${at})
    - (select coalesce(sum(a.points), 0) from lot_allocations a
        join points_lots l on l.id = a.lot_id
      where a.occurred_at <= ${at} and l.expires_at > ${at})
    - (select coalesce(sum(-e.points), 0) from points_ledger e
      where e.kind = 'reverse' and e.occurred_at <= ${at})
    + (select coalesce(sum(a.points), 0) from lot_allocations a
        join points_ledger e on e.id = a.entry_id
      where e.kind = 'reverse' and a.occurred_at <= ${at})
  )::bigint`;
}

async function outstanding(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ opening: number; closing: number }> {
  const result = await db.execute(
    sql`select ${outstandingAt(from)} as opening, ${outstandingAt(to)} as closing`,
  );
  const [row] = result.rows;
  return { opening: Number(row?.opening ?? 0), closing: Number(row?.closing ?? 0) };
}

/**
 * What a lot held at the instant it expired: earned less every allocation before expires_at
 * (redemptions, reversals, negative adjustments, debt settlements — all inside the lot's life).
 */
const heldAtExpiry = sql`(l.earned - coalesce((select sum(a.points) from lot_allocations a
  where a.lot_id = l.id and a.occurred_at < l.expires_at), 0))`;

/**
 * Movements per IST calendar month of (from, to]. An instant is put in the month of the instant
 * just before it, so a movement exactly at midnight on the 1st closes the previous month — the
 * same (start, end] convention as the report.
 */
async function monthlyMovements(
  db: Db,
  from: Date,
  to: Date,
): Promise<Array<LiabilityMovements & { month: string }>> {
  const f = sql`${from.toISOString()}::timestamptz`;
  const t = sql`${to.toISOString()}::timestamptz`;
  const tz = sql.raw(`'${LIABILITY_TIME_ZONE}'`);
  const monthOf = (ts: SQL) =>
    sql`to_char((${ts} - interval '1 microsecond') at time zone ${tz}, 'YYYY-MM')`;
  const result = await db.execute(sql`
    with months as (
      select to_char(m, 'YYYY-MM') as month
      from generate_series(date_trunc('month', ${f} at time zone ${tz}),
        date_trunc('month', (${t} - interval '1 microsecond') at time zone ${tz}),
        interval '1 month') m
    ), entries as (
      select ${monthOf(sql`e.occurred_at`)} as month,
        sum(e.points) filter (where e.kind = 'earn') as earned,
        sum(e.points) filter (where e.kind = 'adjust' and e.points > 0) as adjusted_in,
        sum(-e.points) filter (where e.kind = 'redeem') as redeemed,
        sum(-e.points) filter (where e.kind = 'reverse') as reversed,
        sum(-e.points) filter (where e.kind = 'adjust' and e.points < 0) as adjusted_out,
        sum(-e.points) filter (where e.kind = 'expire') as expiry_entries
      from points_ledger e
      where e.occurred_at > ${f} and e.occurred_at <= ${t}
      group by 1
    ), expiries as (
      select ${monthOf(sql`l.expires_at`)} as month, sum(${heldAtExpiry}) as expired
      from points_lots l
      where l.expires_at > ${f} and l.expires_at <= ${t}
      group by 1
    )
    select m.month,
      coalesce(e.earned, 0)::bigint as earned,
      coalesce(e.adjusted_in, 0)::bigint as adjusted_in,
      coalesce(e.redeemed, 0)::bigint as redeemed,
      coalesce(e.reversed, 0)::bigint as reversed,
      coalesce(e.adjusted_out, 0)::bigint as adjusted_out,
      coalesce(e.expiry_entries, 0)::bigint as expiry_entries,
      coalesce(x.expired, 0)::bigint as expired
    from months m
    left join entries e on e.month = m.month
    left join expiries x on x.month = m.month
    order by m.month`);
  return result.rows.map((r) => {
    const earned = Number(r.earned);
    const adjustedIn = Number(r.adjusted_in);
    return {
      month: String(r.month),
      issued: earned + adjustedIn,
      earned,
      adjustedIn,
      redeemed: Number(r.redeemed),
      expired: Number(r.expired),
      reversed: Number(r.reversed),
      adjustedOut: Number(r.adjusted_out),
      expiryEntriesPosted: Number(r.expiry_entries),
    };
  });
}

/** Lots whose expiry passed by `to`: what they issued and how much of it expired unspent. */
async function maturedLots(db: Db, to: Date): Promise<{ issued: number; expired: number }> {
  const result = await db.execute(sql`
    select coalesce(sum(l.earned), 0)::bigint as issued,
      coalesce(sum(${heldAtExpiry}), 0)::bigint as expired
    from points_lots l
    where l.expires_at <= ${to.toISOString()}::timestamptz`);
  const [row] = result.rows;
  return { issued: Number(row?.issued ?? 0), expired: Number(row?.expired ?? 0) };
}
