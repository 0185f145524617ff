// Event builders for journey tests: valid `POST /api/events` payloads (integer paise, E.164
// phones, one idempotency key per order and event type), so a test names only what it cares about.

/** A customer event as `POST /api/events` and `env.send()` take it. */
export interface CustomerEventInput {
  type: string;
  customerId: string;
  /** ISO 8601 with offset; omitted: the time it is sent (the virtual clock in the test env). */
  occurredAt?: string;
  /** Posting the same key twice has one effect. */
  idempotencyKey?: string;
  properties?: Record<string, unknown>;
}

/** An event of one customer, before it is addressed: what `persona.at(day, event)` takes. */
export type PersonaEvent = Omit<CustomerEventInput, 'customerId'>;

/** Profile fields an event may carry to create or update its customer. */
export interface CustomerProfile {
  name?: string;
  /** E.164, e.g. +919812345678. */
  phone?: string;
  email?: string;
  language?: string;
  /** IANA, e.g. Asia/Kolkata. */
  timeZone?: string;
}

export interface OrderLine {
  sku: string;
  qty: number;
  /** Unit price in paise. */
  price?: number;
}

export interface OrderPlaced {
  orderId: string;
  paymentMethod: 'cod' | 'prepaid';
  /** Integer paise (₹1,299 = 129900); default 129900. */
  total?: number;
  items?: OrderLine[];
  /** Creates or updates the customer's profile with the order. */
  customer?: CustomerProfile;
}

/**
 * `order.placed`: the demo journey's trigger, and its goal when it is a second order.
 * @example persona.at(0, orderPlaced({ orderId: 'o-1', paymentMethod: 'cod' }))
 */
export function orderPlaced(order: OrderPlaced): PersonaEvent {
  const total = order.total ?? 129_900;
  return {
    type: 'order.placed',
    idempotencyKey: `${order.orderId}-placed`,
    properties: {
      orderId: order.orderId,
      total,
      paymentMethod: order.paymentMethod,
      items: order.items ?? [{ sku: 'SERUM-30', qty: 1, price: total }],
      ...(order.customer && { customer: order.customer }),
    },
  };
}

export type OrderUpdate =
  | 'order.shipped'
  | 'order.out_for_delivery'
  | 'order.delivered'
  | 'order.returned'
  | 'order.cancelled';

/**
 * A later event about an order (it moves the order's status and wakes journeys waiting for it).
 * @example persona.at(3, orderUpdate('order.delivered', 'o-1'))
 */
export function orderUpdate(type: OrderUpdate, orderId: string): PersonaEvent {
  return {
    type,
    idempotencyKey: `${orderId}-${type.slice('order.'.length)}`,
    properties: { orderId },
  };
}

/**
 * Addresses events to a customer.
 * @example await api.postEvents(forCustomer('c1', orderPlaced({ orderId: 'o-1', paymentMethod: 'cod' })))
 */
export function forCustomer(customerId: string, ...events: PersonaEvent[]): CustomerEventInput[] {
  return events.map((event) => ({ ...event, customerId }));
}
