import { localParts, localTimeAfterDays } from '../contract/time-zones';
import type { RuleOutcome, SendRule, SendRuleInput } from './types';

/** TRAI: promotional SMS only between these local times. */
export const PROMO_SMS_HOURS = { start: '09:00', end: '21:00' } as const;

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * If `now` falls in the local window [start, end) — which wraps midnight when start > end —
 * the instant the window ends; otherwise null. An empty window (start = end) never matches.
 * @example windowEnd(Date.parse('2026-01-01T17:30:00Z'), '21:00', '09:00', 'Asia/Kolkata')
 *   // 23:00 IST is quiet: ends 2026-01-02T03:30:00Z (09:00 IST)
 */
export function windowEnd(
  now: number,
  start: string,
  end: string,
  timeZone: string,
): number | null {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return null;
  const local = localParts(now, timeZone);
  const m = local.hour * 60 + local.minute;
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  // Past midnight (or a same-day window) the end is today; before midnight it is tomorrow.
  const days = s > e && m >= s ? 1 : 0;
  const until = localTimeAfterDays(now, days, end, timeZone);
  // A DST gap can swallow the wall-clock end; never hand back an instant that is not ahead.
  return until > now ? until : now + 60_000;
}

function hold(input: SendRuleInput, rule: SendRule, until: number, what: string): RuleOutcome {
  const local = new Date(until).toLocaleTimeString('en-GB', {
    timeZone: input.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  });
  return input.quietHours === 'skip'
    ? { action: 'skip', rule, reason: `${what} in ${input.timeZone}` }
    : { action: 'defer', rule, reason: `${what}: waits until ${local} ${input.timeZone}`, until };
}

/**
 * Quiet hours in the customer's time zone, for marketing messages (transactional utility and
 * authentication messages are expected at once, so they are exempt); then TRAI's rule that
 * promotional SMS go only 09:00–21:00 local, whatever the brand's quiet hours. The node decides
 * whether a held send waits for the window to end or is skipped.
 * @example quietHoursRule({ ...input, category: 'marketing', now: at23hLocal }) // defer until 09:00
 */
export function quietHoursRule(input: SendRuleInput): RuleOutcome {
  if (input.category !== 'marketing') return undefined;
  const { now, timeZone, policy } = input;
  const quietUntil = windowEnd(now, policy.quietHoursStart, policy.quietHoursEnd, timeZone);
  if (quietUntil !== null) {
    const what = `quiet hours ${policy.quietHoursStart}–${policy.quietHoursEnd}`;
    return hold(input, 'quiet_hours', quietUntil, what);
  }
  if (input.channel !== 'sms') return undefined;
  // Outside 09:00–21:00 is the window 21:00–09:00.
  const promoUntil = windowEnd(now, PROMO_SMS_HOURS.end, PROMO_SMS_HOURS.start, timeZone);
  if (promoUntil === null) return undefined;
  return hold(input, 'promo_sms_hours', promoUntil, 'promotional SMS only 09:00–21:00');
}
