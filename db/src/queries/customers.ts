import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  customers,
  orderItems,
  orders,
  products,
  type Customer,
  type Order,
  type OrderItem,
  type Product,
} from '../schema';

export interface CustomerInput {
  id: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  language?: string;
  timeZone?: string;
  /** YYYY-MM-DD */
  birthday?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Record<string, unknown>;
}

export interface ProductInput {
  sku: string;
  name: string;
  category?: string | null;
  pricePaise: number;
  consumptionCycleDays?: number | null;
  stock?: number;
}

export type OrderWithItems = Order & { items: OrderItem[] };

/** Creates a customer or updates the fields given (omitted fields keep their value). */
export async function upsertCustomer(db: Db, input: CustomerInput): Promise<Customer> {
  const { id, ...fields } = input;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const [row] = await db
    .insert(customers)
    .values({ ...given, id })
    .onConflictDoUpdate({ target: customers.id, set: { ...given, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('upsertCustomer: upsert returned no row');
  return row;
}

/** One customer, or null. */
export async function getCustomer(db: Db, id: string): Promise<Customer | null> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}

/** Customers, most recently updated first. */
export async function listCustomers(db: Db, opts: { limit?: number } = {}): Promise<Customer[]> {
  return db
    .select()
    .from(customers)
    .orderBy(desc(customers.updatedAt), asc(customers.id))
    .limit(opts.limit ?? 100);
}

/** Inserts or replaces catalogue rows (seed data, catalogue sync); returns how many were written. */
export async function upsertProducts(db: Db, input: ProductInput[]): Promise<number> {
  if (input.length === 0) return 0;
  const rows = await db
    .insert(products)
    .values(input)
    .onConflictDoUpdate({
      target: products.sku,
      set: {
        name: sql`excluded.name`,
        category: sql`excluded.category`,
        pricePaise: sql`excluded.price_paise`,
        consumptionCycleDays: sql`excluded.consumption_cycle_days`,
        stock: sql`excluded.stock`,
      },
    })
    .returning({ sku: products.sku });
  return rows.length;
}

/** One product, or null. */
export async function getProduct(db: Db, sku: string): Promise<Product | null> {
  const [row] = await db.select().from(products).where(eq(products.sku, sku));
  return row ?? null;
}

/** The whole catalogue, by SKU (it is small: next-best-product reads it whole). */
export async function listProducts(db: Db): Promise<Product[]> {
  return db.select().from(products).orderBy(asc(products.sku));
}

/** One order with its line items, or null. */
export async function getOrder(db: Db, id: string): Promise<OrderWithItems | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  if (!order) return null;
  const items = await db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, id))
    .orderBy(asc(orderItems.sku));
  return { ...order, items };
}

/** A customer's orders, oldest first (order count, COD share, "second order" checks). */
export async function listOrdersForCustomer(db: Db, customerId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(eq(orders.customerId, customerId))
    .orderBy(asc(orders.placedAt), asc(orders.id));
}
