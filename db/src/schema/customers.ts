import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const ORDER_STATUSES = [
  'placed',
  'shipped',
  'out_for_delivery',
  'delivered',
  'returned',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_METHODS = ['cod', 'prepaid'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A brand's customer, keyed by the brand's own customer id. */
export const customers = pgTable('customers', {
  id: text('id').primaryKey(),
  name: text('name'),
  /** E.164, e.g. +919876543210. */
  phone: text('phone'),
  email: text('email'),
  language: text('language').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('Asia/Kolkata'),
  /** Calendar date, YYYY-MM-DD (a date has no time zone, so it stays a string). */
  birthday: date('birthday', { mode: 'string' }),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  /** Consent per channel and purpose; checked at send time. */
  consent: jsonb('consent').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    sku: text('sku').primaryKey(),
    name: text('name').notNull(),
    category: text('category'),
    pricePaise: integer('price_paise').notNull(),
    /** How long one unit lasts (a 30 ml serum ≈ 22 days); drives replenishment nudges. */
    consumptionCycleDays: integer('consumption_cycle_days'),
    stock: integer('stock').notNull().default(0),
  },
  (t) => [check('products_price_paise_check', sql`${t.pricePaise} >= 0`)],
);

/** Order state, maintained from order.* events inside the ingest transaction. */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    status: text('status').$type<OrderStatus>().notNull().default('placed'),
    paymentMethod: text('payment_method').$type<PaymentMethod>(),
    totalPaise: integer('total_paise').notNull().default(0),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_customer_id_idx').on(t.customerId, t.placedAt),
    check(
      'orders_status_check',
      sql.raw(`status in (${ORDER_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
    check(
      'orders_payment_method_check',
      sql.raw(`payment_method in (${PAYMENT_METHODS.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
);

export const orderItems = pgTable(
  'order_items',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    qty: integer('qty').notNull(),
    pricePaise: integer('price_paise'),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.sku] }),
    check('order_items_qty_check', sql`${t.qty} > 0`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderItem = typeof orderItems.$inferSelect;
