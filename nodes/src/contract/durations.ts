import { z } from 'zod';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const unitMs = { minutes: MINUTE_MS, hours: HOUR_MS, days: DAY_MS } as const;

/**
 * A length of time as marketers write it.
 * @example { amount: 3, unit: 'days' }
 */
export const durationSchema = z.object({
  amount: z.number().positive().describe('How many'),
  unit: z.enum(['minutes', 'hours', 'days']).default('days'),
});
export type Duration = z.infer<typeof durationSchema>;

/** Milliseconds in a duration. @example durationMs({ amount: 2, unit: 'hours' }) // 7_200_000 */
export function durationMs(duration: Duration): number {
  return duration.amount * unitMs[duration.unit];
}

/** "HH:MM" in 24-hour time. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. 10:00');
