import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A message template: one channel, one category, variables in order, variants per language. */
export const templates = pgTable('templates', {
  /** Slug the send node refers to, e.g. `order_confirmation`. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  channel: text('channel').notNull(),
  /** utility | marketing | authentication: decides price and rules. */
  category: text('category').notNull(),
  defaultLanguage: text('default_language').notNull().default('en'),
  /** Variable names in body-parameter order ({{1}} is variables[0] on WhatsApp). */
  variables: jsonb('variables').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** A template's text in one language, as approved by the provider (WhatsApp, DLT). */
export const templateVariants = pgTable(
  'template_variants',
  {
    templateId: text('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    /** Text with `{{variable}}` placeholders. */
    body: text('body').notNull(),
    subject: text('subject'),
    headerMediaKind: text('header_media_kind'),
    headerMediaUrl: text('header_media_url'),
    /** The name the provider knows it by (WhatsApp template name); defaults to the id. */
    providerTemplateName: text('provider_template_name'),
    /** SMS: the DLT content template id registered with the operator. */
    dltTemplateId: text('dlt_template_id'),
    /** approved | pending | rejected */
    status: text('status').notNull().default('approved'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.language] })],
);

/**
 * What one message costs, per channel and category, in thousandths of a paisa (WhatsApp utility
 * ≈ ₹0.115 = 11,500): prices change, so they are settings with DOMAIN.md's defaults.
 */
export const channelPrices = pgTable(
  'channel_prices',
  {
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    priceMillipaise: integer('price_millipaise').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.category] })],
);
