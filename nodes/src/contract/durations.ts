import { z } from 'zod';

import type { Duration } from './duration-math';

export { MINUTE_MS, HOUR_MS, DAY_MS, durationMs, type Duration } from './duration-math';

/**
 * A length of time as marketers write it.
 * @example { amount: 3, unit: 'days' }
 */
export const durationSchema = z.object({
  amount: z.number().positive().describe('How many'),
  unit: z.enum(['minutes', 'hours', 'days']).default('days'),
}) satisfies z.ZodType<Duration, unknown>;

/**
 * "HH:MM" in 24-hour time.
 * @example config: z.object({ at: timeOfDaySchema.default('10:00') })
 */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use 24-hour HH:MM, e.g. 10:00');
