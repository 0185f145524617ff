import { describe, expect, it } from 'vitest';
import { quietHoursRule, windowEnd } from './quiet-hours';
import { ruleInput } from './testing';
import { DEFAULT_SEND_POLICY } from './types';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('windowEnd (local windows that may wrap midnight)', () => {
  const kolkata = (time: string) => iso(windowEnd(at(time), '21:00', '09:00', 'Asia/Kolkata'));

  it('in Asia/Kolkata: 23:00 waits until 09:00 tomorrow, 02:00 until 09:00 today', () => {
    expect(kolkata('2026-01-05T17:30:00Z')).toBe('2026-01-06T03:30:00.000Z'); // 23:00 IST
    expect(kolkata('2026-01-05T20:30:00Z')).toBe('2026-01-06T03:30:00.000Z'); // 02:00 IST
  });

  it('starts at the start minute and ends at the end minute', () => {
    expect(kolkata('2026-01-05T15:30:00Z')).toBe('2026-01-06T03:30:00.000Z'); // 21:00 IST: quiet
    expect(kolkata('2026-01-05T15:29:00Z')).toBeNull(); // 20:59 IST
    expect(kolkata('2026-01-06T03:30:00Z')).toBeNull(); // 09:00 IST: open again
    expect(kolkata('2026-01-06T03:29:00Z')).toBe('2026-01-06T03:30:00.000Z'); // 08:59 IST
  });

  it('handles a window that does not wrap, and an empty one', () => {
    const lunch = (time: string) => iso(windowEnd(at(time), '13:00', '15:00', 'UTC'));
    expect(lunch('2026-01-05T14:00:00Z')).toBe('2026-01-05T15:00:00.000Z');
    expect(lunch('2026-01-05T16:00:00Z')).toBeNull();
    expect(windowEnd(at('2026-01-05T23:00:00Z'), '00:00', '00:00', 'UTC')).toBeNull();
  });

  it('in America/New_York across spring-forward: 23:00 EST waits until 09:00 EDT (9 h)', () => {
    // 2026-03-07 23:00 EST = 2026-03-08T04:00Z; clocks jump 02:00 → 03:00 that night.
    const end = windowEnd(at('2026-03-08T04:00:00Z'), '21:00', '09:00', 'America/New_York');
    expect(iso(end)).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect((end ?? 0) - at('2026-03-08T04:00:00Z')).toBe(9 * 3_600_000);
  });

  it('in America/New_York across fall-back: 23:00 EDT waits until 09:00 EST (11 h)', () => {
    // 2026-10-31 23:00 EDT = 2026-11-01T03:00Z; clocks fall back 02:00 → 01:00.
    const end = windowEnd(at('2026-11-01T03:00:00Z'), '21:00', '09:00', 'America/New_York');
    expect(iso(end)).toBe('2026-11-01T14:00:00.000Z'); // 09:00 EST
  });

  it('never answers an instant that is not ahead when the end falls in a DST gap', () => {
    // 01:30 EST on spring-forward day, window ending at 02:30, which does not exist that day.
    const now = at('2026-03-08T06:30:00Z');
    const end = windowEnd(now, '01:00', '02:30', 'America/New_York');
    expect(end).not.toBeNull();
    expect(end ?? 0).toBeGreaterThan(now);
  });
});

describe('quietHoursRule', () => {
  const at23Ist = at('2026-01-05T17:30:00Z');

  it('defers marketing in quiet hours until they end (node: wait)', () => {
    expect(quietHoursRule(ruleInput({ category: 'marketing', now: at23Ist }))).toEqual({
      action: 'defer',
      rule: 'quiet_hours',
      reason: 'quiet hours 21:00–09:00: waits until 09:00 Asia/Kolkata',
      until: at('2026-01-06T03:30:00Z'),
    });
  });

  it('skips instead when the node says skip', () => {
    expect(
      quietHoursRule(ruleInput({ category: 'marketing', now: at23Ist, quietHours: 'skip' })),
    ).toEqual({
      action: 'skip',
      rule: 'quiet_hours',
      reason: 'quiet hours 21:00–09:00 in Asia/Kolkata',
    });
  });

  it("uses the customer's own zone: 23:00 IST is 12:30 in New York, not quiet there", () => {
    expect(
      quietHoursRule(
        ruleInput({ category: 'marketing', now: at23Ist, timeZone: 'America/New_York' }),
      ),
    ).toBeUndefined();
  });

  it('lets transactional utility and authentication messages through at night', () => {
    expect(quietHoursRule(ruleInput({ category: 'utility', now: at23Ist }))).toBeUndefined();
    expect(quietHoursRule(ruleInput({ category: 'authentication', now: at23Ist }))).toBeUndefined();
  });

  it('holds promotional SMS to 09:00–21:00 local even when brand quiet hours are shorter', () => {
    const policy = { ...DEFAULT_SEND_POLICY, quietHoursStart: '23:00', quietHoursEnd: '07:00' };
    const sms = (iso: string) =>
      quietHoursRule(ruleInput({ category: 'marketing', channel: 'sms', policy, now: at(iso) }));
    expect(sms('2026-01-05T16:30:00Z')).toMatchObject({
      action: 'defer',
      rule: 'promo_sms_hours',
      until: at('2026-01-06T03:30:00Z'), // 22:00 IST → 09:00 IST
    });
    expect(sms('2026-01-06T02:00:00Z')).toMatchObject({
      rule: 'promo_sms_hours',
      until: at('2026-01-06T03:30:00Z'), // 07:30 IST → 09:00 IST
    });
    expect(sms('2026-01-06T04:00:00Z')).toBeUndefined(); // 09:30 IST
    // The same send on email is only subject to the brand's quiet hours.
    expect(
      quietHoursRule(
        ruleInput({
          category: 'marketing',
          channel: 'email',
          policy,
          now: at('2026-01-05T16:30:00Z'),
        }),
      ),
    ).toBeUndefined();
  });
});
