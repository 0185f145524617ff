import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { sendDecisions } from '../schema';

export type SendDecision = typeof sendDecisions.$inferSelect;

export interface SendDecisionInput {
  /**
   * Unique per (step, channel, decision, rule): a retried activity records the same decision
   * once, while one step may still record a deferral and, later, a skip.
   */
  idempotencyKey: string;
  runId?: string | null;
  journeyId?: string | null;
  nodeId?: string | null;
  customerId: string;
  channel: string;
  templateId: string;
  category: string;
  /** skipped | deferred | fallback | failed */
  decision: string;
  rule: string;
  reason: string;
  until?: Date | null;
  /** The journey's (possibly virtual) time of the decision. */
  createdAt: Date;
}

/**
 * Records why a send was stopped, delayed or redirected. A repeat of the same key keeps the
 * first row but takes a later `until` (a deferral decided again runs to the new time).
 */
export async function recordSendDecision(db: Db, input: SendDecisionInput): Promise<SendDecision> {
  const [row] = await db
    .insert(sendDecisions)
    .values(input)
    .onConflictDoUpdate({
      target: sendDecisions.idempotencyKey,
      set: { until: input.until ?? null, reason: input.reason },
    })
    .returning();
  if (!row) throw new Error('recordSendDecision: upsert returned no row');
  return row;
}

/** The decision recorded under a key, or null. */
export async function getSendDecision(
  db: Db,
  idempotencyKey: string,
): Promise<SendDecision | null> {
  const [row] = await db
    .select()
    .from(sendDecisions)
    .where(eq(sendDecisions.idempotencyKey, idempotencyKey));
  return row ?? null;
}

/** Decisions, newest first; filtered by customer, run, journey and/or node. */
export async function listSendDecisions(
  db: Db,
  opts: {
    customerId?: string;
    runId?: string;
    journeyId?: string;
    nodeId?: string;
    order?: 'asc' | 'desc';
    limit?: number;
  } = {},
): Promise<SendDecision[]> {
  const filters: SQL[] = [];
  if (opts.customerId !== undefined) filters.push(eq(sendDecisions.customerId, opts.customerId));
  if (opts.runId !== undefined) filters.push(eq(sendDecisions.runId, opts.runId));
  if (opts.journeyId !== undefined) filters.push(eq(sendDecisions.journeyId, opts.journeyId));
  if (opts.nodeId !== undefined) filters.push(eq(sendDecisions.nodeId, opts.nodeId));
  const order = opts.order === 'asc' ? asc : desc;
  return db
    .select()
    .from(sendDecisions)
    .where(and(...filters))
    .orderBy(order(sendDecisions.createdAt), order(sendDecisions.id))
    .limit(opts.limit ?? 100);
}
