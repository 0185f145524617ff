import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** A journey as the canvas edits it: the mutable draft plus a pointer to its live version. */
export const journeys = pgTable('journeys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** The canvas document (nodes/ owns its type). */
  graph: jsonb('graph').$type<unknown>().notNull(),
  liveVersionId: uuid('live_version_id').references((): AnyPgColumn => journeyVersions.id, {
    onDelete: 'set null',
  }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** An immutable published version: the graph as published and the IR compiled from it. */
export const journeyVersions = pgTable(
  'journey_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    graph: jsonb('graph').$type<unknown>().notNull(),
    /** The compiled journey IR (nodes/ owns its type). */
    ir: jsonb('ir').$type<unknown>().notNull(),
    triggerEvent: text('trigger_event').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    publishedBy: text('published_by').notNull().default('system'),
  },
  (t) => [
    unique('journey_versions_journey_id_version_unique').on(t.journeyId, t.version),
    index('journey_versions_trigger_event_idx').on(t.triggerEvent),
  ],
);

export type Journey = typeof journeys.$inferSelect;
export type JourneyVersion = typeof journeyVersions.$inferSelect;
