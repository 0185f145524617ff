import { describe, it, expect } from 'vitest';
import { eventBodySchema, eventInputSchema, eventsOf } from './event-input';

const placed = {
  type: 'order.placed',
  customerId: 'cust_1',
  idempotencyKey: 'order-1001-placed',
  properties: {
    orderId: '1001',
    total: 129_900,
    paymentMethod: 'cod',
    items: [{ sku: 'SERUM-30', qty: 1 }],
  },
};

const issuesOf = (value: unknown) =>
  eventInputSchema
    .safeParse(value)
    .error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('eventInputSchema', () => {
  it('accepts a complete order.placed and defaults properties elsewhere', () => {
    expect(eventInputSchema.safeParse(placed).success).toBe(true);
    expect(eventInputSchema.parse({ type: 'app.opened', customerId: 'c1' }).properties).toEqual({});
  });

  it('order.placed needs integer paise, a known payment method and an order id', () => {
    const bad = { ...placed, properties: { orderId: '', total: 1299.5, paymentMethod: 'cheque' } };
    const paths = issuesOf(bad).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'properties.orderId',
        'properties.total',
        'properties.paymentMethod',
      ]),
    );
    expect(issuesOf(bad).find((i) => i.path === 'properties.total')?.message).toMatch(/paise/);
  });

  it('other order events need only their order id', () => {
    expect(
      eventInputSchema.safeParse({
        type: 'order.delivered',
        customerId: 'c1',
        properties: { orderId: '1001' },
      }).success,
    ).toBe(true);
    expect(issuesOf({ type: 'order.delivered', customerId: 'c1', properties: {} })).toEqual([
      expect.objectContaining({ path: 'properties.orderId' }),
    ]);
  });

  it('checks a customer profile carried by the event', () => {
    const withProfile = (customer: unknown) => ({
      type: 'app.opened',
      customerId: 'c1',
      properties: { customer },
    });
    expect(
      eventInputSchema.safeParse(
        withProfile({ name: 'Asha', phone: '+919812345678', email: 'a@example.com' }),
      ).success,
    ).toBe(true);
    expect(issuesOf(withProfile({ phone: '9812345678' }))).toEqual([
      expect.objectContaining({
        path: 'properties.customer.phone',
        message: expect.stringMatching(/E\.164/),
      }),
    ]);
  });

  it('refuses malformed event types, empty customer ids and non-ISO times', () => {
    expect(issuesOf({ type: 'Order Placed', customerId: 'c1' }).map((i) => i.path)).toEqual([
      'type',
    ]);
    expect(issuesOf({ type: 'app.opened', customerId: '' }).map((i) => i.path)).toEqual([
      'customerId',
    ]);
    expect(
      issuesOf({ type: 'app.opened', customerId: 'c1', occurredAt: 'yesterday' }).map(
        (i) => i.path,
      ),
    ).toEqual(['occurredAt']);
    expect(
      eventInputSchema.safeParse({
        type: 'app.opened',
        customerId: 'c1',
        occurredAt: '2026-01-01T10:00:00+05:30',
      }).success,
    ).toBe(true);
  });
});

describe('eventBodySchema / eventsOf', () => {
  const opened = { type: 'app.opened', customerId: 'c1' };

  it('accepts one event, a list, or { events } and normalises each to a list', () => {
    expect(eventsOf(eventBodySchema.parse(opened))).toHaveLength(1);
    expect(eventsOf(eventBodySchema.parse([opened, placed]))).toHaveLength(2);
    expect(eventsOf(eventBodySchema.parse({ events: [opened, placed, opened] }))).toHaveLength(3);
  });

  it('refuses an empty list and more than 1,000 events', () => {
    expect(eventBodySchema.safeParse([]).success).toBe(false);
    expect(eventBodySchema.safeParse(Array.from({ length: 1001 }, () => opened)).success).toBe(
      false,
    );
    expect(eventBodySchema.safeParse(Array.from({ length: 1000 }, () => opened)).success).toBe(
      true,
    );
  });
});
