// Pure time-zone arithmetic with Intl only, so it also runs inside Temporal's workflow sandbox.
import { DAY_MS } from './duration-math';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall-clock fields of an instant in a time zone.
 * @example localParts(Date.parse('2026-01-01T20:00:00Z'), 'Asia/Kolkata').hour // 1 (01:30 IST)
 */
export function localParts(instantMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/**
 * Offset of a zone from UTC at an instant, in ms.
 * @example zoneOffsetMs(Date.now(), 'Asia/Kolkata') // 19_800_000
 */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = localParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * True when the zone name is one Intl knows.
 * @example isValidTimeZone('Asia/Kolkata') // true; isValidTimeZone('IST') // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant that is `days` calendar days after `fromMs`'s local date, at `hhmm` local time.
 * @example localTimeAfterDays(Date.parse('2026-01-01T20:00:00Z'), 2, '10:00', 'Asia/Kolkata')
 *   // 2026-01-04T04:30:00Z: entry is Jan 2 01:30 IST, two days later at 10:00 IST
 */
export function localTimeAfterDays(fromMs: number, days: number, hhmm: string, timeZone: string) {
  const start = localParts(fromMs, timeZone);
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  const wallClock = Date.UTC(start.year, start.month - 1, start.day + days, hour, minute);
  // Two passes settle the offset across a DST change.
  let guess = wallClock - zoneOffsetMs(wallClock, timeZone);
  guess = wallClock - zoneOffsetMs(guess, timeZone);
  return guess;
}

/**
 * Whole days elapsed between two instants (floor).
 * @example daysBetween(enteredAt, Date.now()) // 3 on the fourth day of a run
 */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}
