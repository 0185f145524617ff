/**
 * What a run knows about its customer when it enters; a snapshot, pinned like the version.
 * @example ctx.customer // { id: 'c1', name: 'Asha', language: 'mr', timeZone: 'Asia/Kolkata', attributes: {} }
 */
export interface CustomerSnapshot {
  id: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  language: string;
  timeZone: string;
  attributes: Record<string, unknown>;
}

/**
 * A customer event as journeys see it (from `POST /api/events`, after it is committed).
 * @example ctx.facts.trigger // { type: 'order.placed', customerId: 'c1', occurredAt: '…', properties: { orderId: '1001' } }
 */
export interface CustomerEvent {
  id?: number | string;
  type: string;
  customerId: string;
  occurredAt: string;
  properties: Record<string, unknown>;
}

/**
 * Order facts the run keeps current from `order.*` events of its entry order.
 * @example ctx.facts.order // { id: '1001', status: 'delivered', paymentMethod: 'cod', total: 129900 }
 */
export interface OrderFacts {
  id?: string;
  status?: string;
  paymentMethod?: string;
  total?: number;
  items?: unknown[];
  placedAt?: string;
  deliveredAt?: string;
}

/**
 * Everything conditions, filters and templates can read, by dotted path:
 * `customer.*`, `trigger.*`, `order.*`, `event.*` (the latest event), `outputs.<nodeId>.*`,
 * `journey.daysSinceEntry`.
 * @example ctx.render('{{customer.name|there}}, your code is {{outputs.discount.code}}')
 */
export interface RunFacts {
  customer: CustomerSnapshot;
  trigger: CustomerEvent;
  order: OrderFacts;
  event: CustomerEvent | null;
  eventCounts: Record<string, number>;
  outputs: Record<string, Record<string, unknown>>;
  journey: { id: string; versionId: string; runId: string; daysSinceEntry: number };
}

const orderStatusByEvent: Record<string, string> = {
  'order.placed': 'placed',
  'order.shipped': 'shipped',
  'order.out_for_delivery': 'out_for_delivery',
  'order.delivered': 'delivered',
  'order.returned': 'returned',
  'order.cancelled': 'cancelled',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Order facts carried by an `order.placed` event.
 * @example orderFromEvent(entryEvent).paymentMethod // 'cod'
 */
export function orderFromEvent(event: CustomerEvent): OrderFacts {
  const p = event.properties;
  const total = typeof p.total === 'number' ? p.total : undefined;
  return {
    id: str(p.orderId),
    status: orderStatusByEvent[event.type],
    paymentMethod: str(p.paymentMethod),
    total,
    items: Array.isArray(p.items) ? p.items : undefined,
    placedAt: event.type === 'order.placed' ? event.occurredAt : undefined,
  };
}

/**
 * The order facts after an event: `order.*` events about the same order move its status.
 * @example applyEventToOrder(order, { type: 'order.delivered', … }).status // 'delivered'
 */
export function applyEventToOrder(order: OrderFacts, event: CustomerEvent): OrderFacts {
  const status = orderStatusByEvent[event.type];
  if (!status || event.type === 'order.placed') return order;
  if (order.id && str(event.properties.orderId) !== order.id) return order;
  return {
    ...order,
    status,
    deliveredAt: event.type === 'order.delivered' ? event.occurredAt : order.deliveredAt,
  };
}
