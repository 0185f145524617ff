// Duration arithmetic without zod, so the Temporal workflow bundle stays small (see
// docs/design-notes.md, "The workflow bundle is zod-free").

/** One minute in ms. @example retry: { initialIntervalMs: MINUTE_MS } */
export const MINUTE_MS = 60_000;
/** One hour in ms. @example until: env.now + 2 * HOUR_MS */
export const HOUR_MS = 60 * MINUTE_MS;
/** One day in ms. @example const endsAt = new Date(ctx.now.getTime() + 14 * DAY_MS); */
export const DAY_MS = 24 * HOUR_MS;

const unitMs = { minutes: MINUTE_MS, hours: HOUR_MS, days: DAY_MS } as const;

/** A length of time as marketers write it. @example { amount: 3, unit: 'days' } */
export interface Duration {
  amount: number;
  unit: keyof typeof unitMs;
}

/** Milliseconds in a duration. @example durationMs({ amount: 2, unit: 'hours' }) // 7_200_000 */
export function durationMs(duration: Duration): number {
  return duration.amount * unitMs[duration.unit];
}
