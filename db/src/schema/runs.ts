import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { journeys, journeyVersions } from './journeys';

export const RUN_STATUSES = ['running', 'completed', 'exited', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One customer's pass through one journey version (one Temporal workflow). */
export const journeyRuns = pgTable(
  'journey_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journeys.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => journeyVersions.id),
    customerId: text('customer_id').notNull(),
    entryEventId: bigint('entry_event_id', { mode: 'number' }),
    workflowId: text('workflow_id').notNull().unique(),
    status: text('status').$type<RunStatus>().notNull().default('running'),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
    exitedAt: timestamp('exited_at', { withTimezone: true, mode: 'date' }),
    exitReason: text('exit_reason'),
    /** The node of the latest recorded step: "who is where" in one query. */
    currentNodeId: text('current_node_id'),
  },
  (t) => [
    unique('journey_runs_entry_unique').on(t.journeyId, t.customerId, t.entryEventId),
    index('journey_runs_customer_status_idx').on(t.customerId, t.status),
    index('journey_runs_version_status_idx').on(t.versionId, t.status),
    check(
      'journey_runs_status_check',
      sql.raw(`status in (${RUN_STATUSES.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
);

/** Every step a run took, in order: the timeline and the per-node analytics. */
export const journeySteps = pgTable(
  'journey_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => journeyRuns.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    nodeId: text('node_id').notNull(),
    nodeType: text('node_type').notNull(),
    port: text('port'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    unique('journey_steps_run_id_seq_unique').on(t.runId, t.seq),
    index('journey_steps_run_id_idx').on(t.runId),
  ],
);

export type JourneyRun = typeof journeyRuns.$inferSelect;
export type JourneyStep = typeof journeySteps.$inferSelect;
