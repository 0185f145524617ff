// What `POST /api/journeys/:id/simulate` accepts, as one zod schema: the route validates the body
// with it and the Simulate panel checks the marketer's JSON with it before sending. Deep imports
// of the pure contract modules keep node code out of the browser bundle.
import { z } from 'zod';
import { eventInputSchema } from '@yatra/nodes/contract/event-input';
import { simulatedCustomerSchema } from '@yatra/nodes/engine/simulated-customer';

/** Most scripted events a simulation takes (a 45-day journey needs a handful). */
export const MAX_SCRIPTED_EVENTS = 50;

const eventType = eventInputSchema.shape.type;

const properties = z
  .record(z.string(), z.unknown(), {
    error: 'an object of event properties, e.g. { "orderId": "1001" }',
  })
  .default({});

/** `2026-01-05T10:00`: a wall-clock time in the customer's time zone (what datetime-local gives). */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time like 2026-01-05T10:00');

export const scriptedEventSchema = z.strictObject({
  day: z
    .number({ error: 'day (days after entry) is a number' })
    .min(0, 'day counts from entry and cannot be negative')
    .max(400, 'day must be at most 400'),
  type: eventType,
  properties,
});

/** The same property rules `POST /api/events` applies (order.placed carries total, payment method …). */
function checkProperties(
  event: { type: string; properties: Record<string, unknown> },
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const result = eventInputSchema.safeParse({ ...event, customerId: 'simulated' });
  if (result.success) return;
  for (const issue of result.error.issues) {
    if (issue.path[0] !== 'properties') continue;
    ctx.addIssue({ code: 'custom', path: [...path, ...issue.path], message: issue.message });
  }
}

export const simulateBodySchema = z
  .strictObject({
    /** The document on screen; without it the saved draft runs. */
    document: z.unknown().optional(),
    customer: simulatedCustomerSchema,
    entryEvent: z.strictObject({ type: eventType, properties }),
    events: z
      .array(scriptedEventSchema)
      .max(MAX_SCRIPTED_EVENTS, `at most ${MAX_SCRIPTED_EVENTS} scripted events`)
      .default([]),
    /** When the customer enters, in their time zone; default 2026-01-05T10:00 (a Monday). */
    enterAt: localDateTime.optional(),
  })
  .superRefine((body, ctx) => {
    checkProperties(body.entryEvent, ['entryEvent'], ctx);
    body.events.forEach((event, i) => checkProperties(event, ['events', i], ctx));
  });

export type SimulateBody = z.input<typeof simulateBodySchema>;
export type SimulateInput = z.output<typeof simulateBodySchema>;
export type { SimulatedCustomer } from '@yatra/nodes/engine/simulated-customer';
export { simulatedCustomerSchema };
