import { describe, expect, it } from 'vitest';
import {
  calendarDaysUntil,
  formatDay,
  formatPaise,
  formatPoints,
  formatTierDistance,
} from './format';

describe('loyalty figures in messages', () => {
  it('groups digits the Indian way', () => {
    expect([80, 1240, 124_000, 12_345_678].map(formatPoints)).toEqual([
      '80',
      '1,240',
      '1,24,000',
      '1,23,45,678',
    ]);
    expect(formatPaise(5_000)).toBe('₹50');
    expect(formatTierDistance(4_500, 'spend')).toBe('₹4,500');
    expect(formatTierDistance(2, 'visits')).toBe('2 visits');
  });

  it("dates and day counts follow the customer's time zone", () => {
    const at = new Date('2026-03-11T20:00:00.000Z');
    expect(formatDay(at, 'Asia/Kolkata')).toBe('12 Mar');
    expect(formatDay(at, 'America/New_York')).toBe('11 Mar');
    expect(formatDay(at, 'Not/AZone')).toBe('12 Mar');
    const from = new Date('2026-03-04T20:00:00.000Z');
    expect(calendarDaysUntil(from, at, 'Asia/Kolkata')).toBe(7);
    expect(calendarDaysUntil(new Date('2026-03-04T18:00:00.000Z'), at, 'Asia/Kolkata')).toBe(8);
  });
});
