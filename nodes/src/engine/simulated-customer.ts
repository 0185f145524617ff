// The sample customer a simulation runs, as one schema for every way in: the CLI's customer.json,
// the canvas's Simulate panel and `POST /api/journeys/:id/simulate`. Pure contract module: the
// web imports it deeply, so it must not pull node code into the browser bundle.
import { z } from 'zod';
import { simulatedLoyaltySeedSchema } from './simulated-loyalty';
import { customerProfileSchema } from '../contract/event-input';
import { isValidTimeZone } from '../contract/time-zones';

/**
 * A simulated customer: the snapshot a real run enters with. Unknown keys are errors (catches
 * `timezone` for `timeZone`); a loyalty seed in `attributes.loyalty` is checked up front so a bad
 * one is a validation error, not a failure halfway through the run.
 * @example simulatedCustomerSchema.parse({ id: 'c1', name: 'Asha', timeZone: 'Asia/Kolkata',
 *   attributes: { loyalty: { balance: 1240, tier: 'Silver' } } })
 */
export const simulatedCustomerSchema = z.strictObject({
  ...customerProfileSchema.shape,
  id: z.string({ error: 'a customer id (string) is required' }).min(1).max(128),
  language: z.string().min(2).max(8).default('en'),
  timeZone: z
    .string()
    .refine(isValidTimeZone, {
      error: (issue) =>
        `unknown time zone ${JSON.stringify(issue.input)}; use an IANA name like Asia/Kolkata`,
    })
    .default('Asia/Kolkata'),
  attributes: z.looseObject({ loyalty: simulatedLoyaltySeedSchema.optional() }).default({}),
});

export type SimulatedCustomer = z.output<typeof simulatedCustomerSchema>;
