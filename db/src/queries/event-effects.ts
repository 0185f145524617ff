// The state an accepted event implies (customer rows, order status), applied inside ingestEvents' transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  customers,
  ORDER_STATUSES,
  orderItems,
  orders,
  type OrderStatus,
  type PaymentMethod,
} from '../schema';
import { isRecord, optionalInt, optionalString } from './parse';

interface EventLike {
  type: string;
  customerId: string;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

interface CustomerProfile {
  name?: string;
  phone?: string;
  email?: string;
  language?: string;
  timeZone?: string;
}

const STATUS_BY_EVENT = new Map<string, OrderStatus>([
  ['order.shipped', 'shipped'],
  ['order.out_for_delivery', 'out_for_delivery'],
  ['order.delivered', 'delivered'],
  ['order.returned', 'returned'],
  ['order.cancelled', 'cancelled'],
]);

// Statuses only move forward: a late "shipped" never undoes "delivered"; returned/cancelled are final.
const STATUS_RANK: Record<OrderStatus, number> = {
  placed: 0,
  shipped: 1,
  out_for_delivery: 2,
  delivered: 3,
  returned: 4,
  cancelled: 4,
};

function profileOf(properties: Record<string, unknown>): CustomerProfile | undefined {
  const c = properties.customer;
  if (!isRecord(c)) return undefined;
  const profile: CustomerProfile = {
    name: optionalString(c.name),
    phone: optionalString(c.phone),
    email: optionalString(c.email),
    language: optionalString(c.language),
    timeZone: optionalString(c.timeZone),
  };
  const defined = Object.entries(profile).filter(([, v]) => v !== undefined);
  return defined.length > 0 ? Object.fromEntries(defined) : undefined;
}

/**
 * Makes sure every event's customer exists, and applies the profile (`properties.customer`) of
 * newly accepted events, later events winning. Rows are touched in id order to avoid deadlocks.
 */
export async function ensureCustomers(tx: Db, all: EventLike[], fresh: EventLike[]): Promise<void> {
  const profiles = new Map<string, CustomerProfile>();
  for (const e of fresh) {
    const p = profileOf(e.properties);
    if (p) profiles.set(e.customerId, { ...profiles.get(e.customerId), ...p });
  }
  const ids = [...new Set(all.map((e) => e.customerId))].sort();
  await tx
    .insert(customers)
    .values(ids.map((id) => ({ id, ...profiles.get(id) })))
    .onConflictDoNothing({ target: customers.id });
  for (const id of ids) {
    const p = profiles.get(id);
    if (p)
      await tx
        .update(customers)
        .set({ ...p, updatedAt: new Date() })
        .where(eq(customers.id, id));
  }
}

/** Applies an order.* event to the orders table; other event types and malformed payloads are ignored. */
export async function applyOrderEvent(tx: Db, e: EventLike): Promise<void> {
  const orderId = optionalString(e.properties.orderId);
  if (!orderId) return;
  if (e.type === 'order.placed') return placeOrder(tx, e, orderId);
  const status = STATUS_BY_EVENT.get(e.type);
  if (!status) return;
  const from = ORDER_STATUSES.filter((s) => STATUS_RANK[s] < STATUS_RANK[status]);
  await tx
    .update(orders)
    .set({
      status,
      ...(status === 'delivered' && { deliveredAt: e.occurredAt }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(orders.id, orderId), inArray(orders.status, from)));
}

async function placeOrder(tx: Db, e: EventLike, orderId: string): Promise<void> {
  const method = e.properties.paymentMethod;
  const paymentMethod: PaymentMethod | null =
    method === 'cod' || method === 'prepaid' ? method : null;
  const created = await tx
    .insert(orders)
    .values({
      id: orderId,
      customerId: e.customerId,
      status: 'placed',
      paymentMethod,
      totalPaise: optionalInt(e.properties.total) ?? 0,
      placedAt: e.occurredAt,
    })
    .onConflictDoNothing({ target: orders.id })
    .returning({ id: orders.id });
  if (created.length === 0) return; // the order exists already: the first placement wins

  const items = new Map<string, { qty: number; pricePaise: number | null }>();
  const raw = e.properties.items;
  for (const item of Array.isArray(raw) ? raw : []) {
    if (!isRecord(item)) continue;
    const sku = optionalString(item.sku);
    const qty = optionalInt(item.qty) ?? 1;
    if (!sku || qty <= 0) continue;
    const prev = items.get(sku); // the same SKU twice in one order: one line, quantities added
    items.set(sku, {
      qty: (prev?.qty ?? 0) + qty,
      pricePaise: optionalInt(item.price) ?? prev?.pricePaise ?? null,
    });
  }
  if (items.size === 0) return;
  await tx
    .insert(orderItems)
    .values([...items].map(([sku, v]) => ({ orderId, sku, qty: v.qty, pricePaise: v.pricePaise })))
    .onConflictDoNothing();
}
