import { z } from 'zod';

const orderEvents = [
  'order.placed',
  'order.shipped',
  'order.out_for_delivery',
  'order.delivered',
  'order.returned',
  'order.cancelled',
];

/**
 * Profile fields an event may carry to create or update its customer.
 * @example properties: { customer: { name: 'Asha', phone: '+919812345678', language: 'mr' } }
 */
export const customerProfileSchema = z.object({
  name: z.string().min(1).optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'phone must be E.164, e.g. +919812345678')
    .optional(),
  email: z.email().optional(),
  language: z.string().min(2).max(8).optional(),
  timeZone: z.string().min(1).optional(),
});

const orderPlacedSchema = z.object({
  orderId: z.string().min(1),
  total: z.number().int('total is integer paise (₹1 = 100)').min(0),
  paymentMethod: z.enum(['cod', 'prepaid']),
  items: z
    .array(
      z.object({
        sku: z.string().min(1),
        qty: z.number().int().positive(),
        price: z.number().int().min(0).optional(),
      }),
    )
    .default([]),
});

/**
 * One customer event as `POST /api/events` accepts it. Order events must name their order;
 * `order.placed` carries total (paise), payment method and items.
 * @example { type: 'order.placed', customerId: 'cust_1', idempotencyKey: 'order-1001-placed',
 *   properties: { orderId: '1001', total: 129900, paymentMethod: 'cod', items: [{ sku: 'SERUM-30', qty: 1 }] } }
 */
export const eventInputSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'event type like order.placed'),
    customerId: z.string().min(1).max(128),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
    properties: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((event, ctx) => {
    const check = (schema: z.ZodType, value: unknown, base: string) => {
      const result = schema.safeParse(value);
      if (result.success) return;
      for (const issue of result.error.issues)
        ctx.addIssue({
          code: 'custom',
          path: [base, ...issue.path.map(String)],
          message: issue.message,
        });
    };
    if (event.properties.customer !== undefined)
      check(customerProfileSchema, event.properties.customer, 'properties.customer');
    if (event.type === 'order.placed') check(orderPlacedSchema, event.properties, 'properties');
    else if (orderEvents.includes(event.type))
      check(z.object({ orderId: z.string().min(1) }), event.properties, 'properties');
  });
/**
 * One parsed event.
 * @example const event: EventInput = eventInputSchema.parse(body);
 */
export type EventInput = z.infer<typeof eventInputSchema>;

/**
 * A body of one event, an array, or `{ events: [...] }` (at most 1,000).
 * @example eventBodySchema.parse({ events: [{ type: 'order.delivered', customerId: 'c1', properties: { orderId: '1' } }] })
 */
export const eventBodySchema = z.union([
  z.array(eventInputSchema).min(1).max(1000),
  z.object({ events: z.array(eventInputSchema).min(1).max(1000) }),
  eventInputSchema,
]);

/**
 * Normalises any accepted body shape to a list.
 * @example eventsOf(eventBodySchema.parse(body)).length
 */
export function eventsOf(body: z.infer<typeof eventBodySchema>): EventInput[] {
  if (Array.isArray(body)) return body;
  return 'events' in body ? body.events : [body];
}
