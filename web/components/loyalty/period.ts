// The liability page's period: calendar dates in IST, as finance picks them, turned into the
// report's (from, to] instants. "From 1 Apr through 31 Mar" = (1 Apr 00:00 IST, 1 Apr 00:00 IST
// a year later]: every movement of those days, the outstanding at the end of the last one.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const istDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Kolkata',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today (or `now`) as an IST calendar date, YYYY-MM-DD. */
export function todayIst(now: Date = new Date()): string {
  return istDate.format(now);
}

/** Midnight IST at the start of a YYYY-MM-DD date; null if it is not one. */
export function startOfIstDay(date: string): Date | null {
  if (!DATE.test(date)) return null;
  const at = new Date(`${date}T00:00:00+05:30`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export interface PeriodDates {
  /** First day of the period (IST). */
  from: string;
  /** Last day of the period, the as-of date (IST). */
  asOf: string;
}

/** The page's dates from its query, defaulting to the year up to today. */
export function periodDates(
  query: { from?: string | string[]; asOf?: string | string[] },
  now: Date = new Date(),
): PeriodDates {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const asOf = one(query.asOf) ?? todayIst(now);
  const end = startOfIstDay(asOf);
  const yearBefore = end ? todayIst(new Date(end.getTime() - 364 * DAY_MS)) : todayIst(now);
  return { from: one(query.from) ?? yearBefore, asOf };
}

/** The report's query: from = start of the first day, to = end of the as-of day (IST). */
export function reportQuery(dates: PeriodDates): URLSearchParams {
  const from = startOfIstDay(dates.from);
  const asOf = startOfIstDay(dates.asOf);
  return new URLSearchParams({
    from: from ? from.toISOString() : dates.from,
    to: asOf ? new Date(asOf.getTime() + DAY_MS).toISOString() : dates.asOf,
  });
}
