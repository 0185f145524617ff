import { describe, it, expect } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  durationMs,
  durationSchema,
  timeOfDaySchema,
} from './durations';
import { fnv1a, percentBucket } from './hash';
import {
  daysBetween,
  isValidTimeZone,
  localParts,
  localTimeAfterDays,
  zoneOffsetMs,
} from './time-zones';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoneOffsetMs', () => {
  it('is +05:30 for Asia/Kolkata all year', () => {
    expect(zoneOffsetMs(at('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(19_800_000);
    expect(zoneOffsetMs(at('2026-07-01T12:34:56.789Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR_MS);
  });

  it('is 0 for UTC', () => {
    expect(zoneOffsetMs(at('2026-03-08T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('follows DST in America/New_York (EST -5h, EDT -4h)', () => {
    expect(zoneOffsetMs(at('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-5 * HOUR_MS);
    // Clocks spring forward at 2026-03-08 02:00 EST = 07:00Z.
    expect(zoneOffsetMs(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
    expect(zoneOffsetMs(at('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * HOUR_MS);
    // And fall back at 2026-11-01 02:00 EDT = 06:00Z.
    expect(zoneOffsetMs(at('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-5 * HOUR_MS);
  });
});

describe('localParts', () => {
  it('gives the wall clock in the zone', () => {
    expect(localParts(at('2026-01-01T20:00:00Z'), 'Asia/Kolkata')).toEqual({
      year: 2026,
      month: 1,
      day: 2,
      hour: 1,
      minute: 30,
      second: 0,
    });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(localParts(at('2026-01-01T18:30:00Z'), 'Asia/Kolkata').hour).toBe(0);
  });
});

describe('localTimeAfterDays', () => {
  it('counts calendar days from the local (IST) date of entry', () => {
    // Entry 2026-01-01T20:00Z is Jan 2 01:30 IST; two days later at 10:00 IST is Jan 4 04:30Z.
    expect(iso(localTimeAfterDays(at('2026-01-01T20:00:00Z'), 2, '10:00', 'Asia/Kolkata'))).toBe(
      '2026-01-04T04:30:00.000Z',
    );
    // Same instant seen from UTC is still Jan 1, so the UTC answer is a day earlier.
    expect(iso(localTimeAfterDays(at('2026-01-01T20:00:00Z'), 2, '10:00', 'UTC'))).toBe(
      '2026-01-03T10:00:00.000Z',
    );
  });

  it('with 0 days gives today at that time, even if it is already past', () => {
    expect(iso(localTimeAfterDays(at('2026-01-01T08:00:00Z'), 0, '10:00', 'Asia/Kolkata'))).toBe(
      '2026-01-01T04:30:00.000Z',
    );
  });

  it('crosses month and year ends', () => {
    expect(iso(localTimeAfterDays(at('2026-12-30T12:00:00Z'), 3, '09:15', 'Asia/Kolkata'))).toBe(
      '2027-01-02T03:45:00.000Z',
    );
  });

  it('keeps the local time across the spring DST change in America/New_York', () => {
    // Entry Fri 2026-03-06 10:00 EST (15:00Z); DST starts Sun 2026-03-08.
    const entry = at('2026-03-06T15:00:00Z');
    expect(iso(localTimeAfterDays(entry, 1, '10:00', 'America/New_York'))).toBe(
      '2026-03-07T15:00:00.000Z',
    );
    expect(iso(localTimeAfterDays(entry, 3, '10:00', 'America/New_York'))).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    // On the change day itself, after the jump.
    expect(iso(localTimeAfterDays(entry, 2, '10:00', 'America/New_York'))).toBe(
      '2026-03-08T14:00:00.000Z',
    );
  });

  it('keeps the local time across the autumn DST change in America/New_York', () => {
    const entry = at('2026-10-30T14:00:00Z'); // Fri 10:00 EDT
    expect(iso(localTimeAfterDays(entry, 3, '10:00', 'America/New_York'))).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });
});

describe('isValidTimeZone / daysBetween', () => {
  it('knows IANA zone names and refuses made-up ones', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('counts whole elapsed days, flooring', () => {
    const start = at('2026-01-01T00:00:00Z');
    expect(daysBetween(start, start)).toBe(0);
    expect(daysBetween(start, start + DAY_MS - 1)).toBe(0);
    expect(daysBetween(start, start + 3 * DAY_MS)).toBe(3);
  });
});

describe('durations', () => {
  it('converts each unit to milliseconds', () => {
    expect(durationMs({ amount: 2, unit: 'hours' })).toBe(7_200_000);
    expect(durationMs({ amount: 90, unit: 'minutes' })).toBe(90 * MINUTE_MS);
    expect(durationMs({ amount: 1.5, unit: 'days' })).toBe(1.5 * DAY_MS);
  });

  it('defaults the unit to days and refuses non-positive amounts', () => {
    expect(durationSchema.parse({ amount: 3 })).toEqual({ amount: 3, unit: 'days' });
    expect(durationSchema.safeParse({ amount: 0 }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: -1, unit: 'hours' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 1, unit: 'weeks' }).success).toBe(false);
  });

  it('accepts 24-hour HH:MM only', () => {
    for (const ok of ['00:00', '09:05', '10:00', '23:59'])
      expect(timeOfDaySchema.safeParse(ok).success).toBe(true);
    for (const bad of ['24:00', '9:00', '10:60', '10am', ''])
      expect(timeOfDaySchema.safeParse(bad).success).toBe(false);
  });
});

describe('hash', () => {
  it('fnv1a matches the published FNV-1a 32-bit vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('percentBucket is stable and within [0, 100) with two decimals', () => {
    expect(percentBucket('journey-1:split:cust_42')).toBe(percentBucket('journey-1:split:cust_42'));
    for (let i = 0; i < 500; i++) {
      const b = percentBucket(`j:n:c${i}`);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(100);
      expect(Number(b.toFixed(2))).toBe(b);
    }
  });

  it('percentBucket spreads keys roughly evenly', () => {
    let below10 = 0;
    for (let i = 0; i < 5000; i++) if (percentBucket(`simulation:split:cust_${i}`) < 10) below10++;
    expect(below10).toBeGreaterThan(350);
    expect(below10).toBeLessThan(650);
  });
});
