// How loyalty figures read in a message: Indian digit grouping, ₹ for spend, short dates in the
// customer's own time zone. Pure, so node tests and the simulator show exactly what goes out.
import { DAY_MS } from '../../contract/durations';
import { isValidTimeZone, localParts } from '../../contract/time-zones';

const grouping = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** @example formatPoints(1240) // '1,240'; formatPoints(124000) // '1,24,000' */
export function formatPoints(points: number): string {
  return grouping.format(points);
}

/** @example formatRupees(420) // '₹420' (whole rupees) */
export function formatRupees(rupees: number): string {
  return `₹${grouping.format(rupees)}`;
}

/** @example formatPaise(5000) // '₹50' */
export function formatPaise(paise: number): string {
  return formatRupees(Math.round(paise / 100));
}

/** A distance in the ladder's units. @example formatTierDistance(420, 'spend') // '₹420' */
export function formatTierDistance(value: number, metric: string | null): string {
  if (metric === 'spend') return formatRupees(value);
  if (metric === 'orders') return `${grouping.format(value)} ${value === 1 ? 'order' : 'orders'}`;
  if (metric === 'visits') return `${grouping.format(value)} ${value === 1 ? 'visit' : 'visits'}`;
  return grouping.format(value);
}

const zoneOrIst = (timeZone: string) => (isValidTimeZone(timeZone) ? timeZone : 'Asia/Kolkata');

/** "12 Mar" in `timeZone`. @example formatDay(new Date('2026-03-11T20:00Z'), 'Asia/Kolkata') // '12 Mar' */
export function formatDay(at: Date, timeZone: string): string {
  // A snapshot's zone is validated on the way in; one Intl no longer knows reads as IST.
  const zone = zoneOrIst(timeZone);
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(at);
}

/**
 * Calendar days from `from`'s local date to `to`'s in `timeZone` — what "expires in 7 days"
 * means to the customer (and how the nightly warnings count).
 * @example calendarDaysUntil(new Date('2026-03-04T20:00Z'), new Date('2026-03-11T20:00Z'), 'Asia/Kolkata') // 7
 */
export function calendarDaysUntil(from: Date, to: Date, timeZone: string): number {
  const zone = zoneOrIst(timeZone);
  const day = (at: Date) => {
    const p = localParts(at.getTime(), zone);
    return Date.UTC(p.year, p.month - 1, p.day);
  };
  return Math.round((day(to) - day(from)) / DAY_MS);
}
