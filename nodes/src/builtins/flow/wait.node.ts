import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { DAY_MS, durationMs, durationSchema, timeOfDaySchema } from '../../contract/durations';
import { evaluateWait } from './wait.control';

const config = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('duration'), duration: durationSchema }),
  z.object({
    mode: z.literal('until'),
    daysAfterEntry: z.number().int().min(0).describe('Calendar days after the day of entry'),
    at: timeOfDaySchema.describe("Local time in the customer's time zone"),
  }),
]);

/** Holds the customer for a while: a fixed duration, or until a local time N days after entry. */
export default defineNode({
  type: 'flow.wait',
  version: 1,
  title: 'Wait',
  category: 'flow',
  icon: '⏳',
  description:
    "Waits a duration, or until N days after entry at HH:MM in the customer's time zone. Goals still exit the customer while waiting.",
  kind: 'control',
  ports: ['next'],
  config,
  example: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
  evaluate: evaluateWait,
  // "Until" can land up to a day past `daysAfterEntry` days (late-evening entry, next-day time).
  minDelayMs: (cfg) => (cfg.mode === 'duration' ? durationMs(cfg.duration) : 0),
  maxDelayMs: (cfg) =>
    cfg.mode === 'duration' ? durationMs(cfg.duration) : cfg.daysAfterEntry * DAY_MS,
});
