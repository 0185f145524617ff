import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The message outbox. The unique idempotency key (run, node, recipient, channel) is written
 * before the provider is called, so a retried send activity never sends twice.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    runId: uuid('run_id'),
    journeyId: uuid('journey_id'),
    nodeId: text('node_id'),
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    templateId: text('template_id').notNull(),
    category: text('category').notNull().default('utility'),
    recipient: text('recipient'),
    variables: jsonb('variables').$type<Record<string, unknown>>().notNull().default({}),
    body: text('body').notNull().default(''),
    /** queued (key written, provider not yet answered) | sent | delivered | read | failed */
    status: text('status').notNull().default('sent'),
    /** When the status last moved forward. */
    statusAt: timestamp('status_at', { withTimezone: true, mode: 'date' }),
    /** The provider's error code on failure (e.g. WhatsApp 131026). */
    errorCode: text('error_code'),
    /** The pricing category the provider reported, which may differ from ours. */
    pricingCategory: text('pricing_category'),
    /** The template language actually sent after fallback. */
    language: text('language'),
    /** For a fallback send (WhatsApp → SMS): the message it replaces. */
    fallbackOf: uuid('fallback_of'),
    provider: text('provider').notNull().default('sandbox'),
    providerMessageId: text('provider_message_id'),
    /** The journey's (possibly virtual) time of the send. */
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Wall-clock time the row was written. */
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_customer_id_idx').on(t.customerId, t.createdAt),
    index('messages_run_id_idx').on(t.runId),
    index('messages_provider_message_id_idx').on(t.providerMessageId),
  ],
);

export type Message = typeof messages.$inferSelect;
