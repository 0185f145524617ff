import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Accepted customer events — also the dispatch outbox: the worker claims rows with
 * dispatched_at IS NULL in id order and hands them to Temporal.
 */
export const events = pgTable(
  'events',
  {
    /** bigserial: monotonically increasing, so it is the dispatch order. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    type: text('type').notNull(),
    customerId: text('customer_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    dispatchAttempts: integer('dispatch_attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('events_undispatched_idx')
      .on(t.id)
      .where(sql`dispatched_at is null`),
    index('events_customer_id_idx').on(t.customerId, t.occurredAt),
  ],
);

export type EventRow = typeof events.$inferSelect;
