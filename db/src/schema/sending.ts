import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { messages } from './messages';

/** The current consent of a customer for one channel and purpose; checked at send time. */
export const customerConsents = pgTable(
  'customer_consents',
  {
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    /** api, reply (STOP), link (one-click unsubscribe), import, webhook (provider opt-out). */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.channel, t.purpose] })],
);

/** Every consent change, append-only: DPDP asks for logs kept at least a year. */
export const consentLog = pgTable(
  'consent_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    source: text('source').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('consent_log_customer_idx').on(t.customerId, t.at)],
);

/**
 * A send the rules stopped, delayed or redirected, with the rule and a sentence for people
 * (customer timeline, node analytics). Unique per step and channel so a retried activity records once.
 */
export const sendDecisions = pgTable(
  'send_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    runId: uuid('run_id'),
    journeyId: uuid('journey_id'),
    nodeId: text('node_id'),
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    templateId: text('template_id').notNull(),
    category: text('category').notNull(),
    /** skipped | deferred | fallback | failed */
    decision: text('decision').notNull(),
    /** consent, suppression, whatsapp_window, quiet_hours, promo_sms_hours, frequency_cap, provider… */
    rule: text('rule').notNull(),
    reason: text('reason').notNull(),
    /** For a deferral: when the send may go. */
    until: timestamp('until', { withTimezone: true, mode: 'date' }),
    /** The journey's (possibly virtual) time of the decision. */
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('send_decisions_customer_idx').on(t.customerId, t.createdAt),
    index('send_decisions_journey_node_idx').on(t.journeyId, t.nodeId),
  ],
);

/** Delivery statuses from provider webhooks, deduplicated on (message, status). */
export const messageStatusEvents = pgTable(
  'message_status_events',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** sent | delivered | read | failed */
    status: text('status').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    errorCode: text('error_code'),
    /** The pricing category the provider reports (Meta: utility, marketing, service…). */
    pricingCategory: text('pricing_category'),
    raw: jsonb('raw').$type<unknown>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.status] })],
);

/** Brand-wide sending settings: one row (id = 1), editable on the settings page. */
export const sendSettings = pgTable(
  'send_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** Marketing messages allowed per customer across all journeys within the window. */
    frequencyCap: integer('frequency_cap').notNull().default(3),
    frequencyWindowDays: integer('frequency_window_days').notNull().default(7),
    /** Quiet hours in the customer's local time, HH:MM; the window wraps midnight. */
    quietHoursStart: text('quiet_hours_start').notNull().default('21:00'),
    quietHoursEnd: text('quiet_hours_end').notNull().default('09:00'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('send_settings_single_row', sql`${t.id} = 1`)],
);

/** The last inbound message per customer and channel: opens WhatsApp's 24-hour window. */
export const inboundActivity = pgTable(
  'inbound_activity',
  {
    customerId: text('customer_id').notNull(),
    channel: text('channel').notNull(),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.channel] })],
);
