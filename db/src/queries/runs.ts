import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  inArray,
  isNotNull,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../client';
import {
  journeyRuns,
  journeySteps,
  type JourneyRun,
  type JourneyStep,
  type RunStatus,
} from '../schema';

export interface CreateRunInput {
  id?: string;
  journeyId: string;
  versionId: string;
  customerId: string;
  entryEventId: number | null;
  workflowId: string;
  enteredAt: Date;
}

export interface FinishRunInput {
  status: Exclude<RunStatus, 'running'>;
  exitReason: string | null;
  exitedAt: Date;
}

export interface StepInput {
  seq: number;
  nodeId: string;
  nodeType: string;
  port: string | null;
  at: Date;
  detail: Record<string, unknown>;
}

export interface OpenRun {
  id: string;
  workflowId: string;
  journeyId: string;
  versionId: string;
}

export interface NodeCount {
  nodeId: string;
  /** Distinct runs that reached the node. */
  entered: number;
  /** Running runs whose latest step is at the node (e.g. waiting there). */
  waitingNow: number;
  /** Finished runs whose last step was at the node. */
  exited: number;
}

/**
 * Records a run's entry; idempotent on id, workflow id and (journey, customer, entry event), so a
 * redelivered trigger finds the existing run (`created: false`) instead of entering twice.
 */
export async function createRun(
  db: Db,
  input: CreateRunInput,
): Promise<{ run: JourneyRun; created: boolean }> {
  const [inserted] = await db.insert(journeyRuns).values(input).onConflictDoNothing().returning();
  if (inserted) return { run: inserted, created: true };
  const matches: SQL[] = [eq(journeyRuns.workflowId, input.workflowId)];
  if (input.id !== undefined) matches.push(eq(journeyRuns.id, input.id));
  if (input.entryEventId !== null) {
    const sameEntry = and(
      eq(journeyRuns.journeyId, input.journeyId),
      eq(journeyRuns.customerId, input.customerId),
      eq(journeyRuns.entryEventId, input.entryEventId),
    );
    if (sameEntry) matches.push(sameEntry);
  }
  const [existing] = await db
    .select()
    .from(journeyRuns)
    .where(or(...matches))
    .limit(1);
  if (!existing)
    throw new Error(
      `createRun: conflict on insert but no existing run for workflow ${input.workflowId}`,
    );
  return { run: existing, created: false };
}

/** Whether the customer ever entered the journey (any version, any status) — for "enter once" rules. */
export async function hasEnteredJourney(
  db: Db,
  journeyId: string,
  customerId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: journeyRuns.id })
    .from(journeyRuns)
    .where(and(eq(journeyRuns.journeyId, journeyId), eq(journeyRuns.customerId, customerId)))
    .limit(1);
  return row !== undefined;
}

/** Whether the customer is in the journey right now. */
export async function hasOpenRun(db: Db, journeyId: string, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: journeyRuns.id })
    .from(journeyRuns)
    .where(
      and(
        eq(journeyRuns.journeyId, journeyId),
        eq(journeyRuns.customerId, customerId),
        eq(journeyRuns.status, 'running'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The customer's running runs — the workflows the dispatcher signals with each new event. */
export async function listOpenRunsForCustomer(db: Db, customerId: string): Promise<OpenRun[]> {
  return db
    .select({
      id: journeyRuns.id,
      workflowId: journeyRuns.workflowId,
      journeyId: journeyRuns.journeyId,
      versionId: journeyRuns.versionId,
    })
    .from(journeyRuns)
    .where(and(eq(journeyRuns.customerId, customerId), eq(journeyRuns.status, 'running')))
    .orderBy(asc(journeyRuns.enteredAt));
}

/** Marks a run finished; a no-op (null) if it already finished, so a retried activity is harmless. */
export async function finishRun(
  db: Db,
  runId: string,
  input: FinishRunInput,
): Promise<JourneyRun | null> {
  const [row] = await db
    .update(journeyRuns)
    .set({ status: input.status, exitReason: input.exitReason, exitedAt: input.exitedAt })
    .where(and(eq(journeyRuns.id, runId), eq(journeyRuns.status, 'running')))
    .returning();
  return row ?? null;
}

/**
 * Appends steps (idempotent on (run, seq), so retried batches are harmless) and points the run's
 * current node at its highest-seq step, whatever order batches arrive in.
 */
export async function recordSteps(db: Db, runId: string, steps: StepInput[]): Promise<void> {
  if (steps.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(journeySteps)
      .values(steps.map((s) => ({ ...s, runId })))
      .onConflictDoNothing({ target: [journeySteps.runId, journeySteps.seq] });
    const [last] = await tx
      .select({ nodeId: journeySteps.nodeId })
      .from(journeySteps)
      .where(eq(journeySteps.runId, runId))
      .orderBy(desc(journeySteps.seq))
      .limit(1);
    if (last)
      await tx
        .update(journeyRuns)
        .set({ currentNodeId: last.nodeId })
        .where(eq(journeyRuns.id, runId));
  });
}

/** A run's steps in order. */
export async function listSteps(db: Db, runId: string): Promise<JourneyStep[]> {
  return db
    .select()
    .from(journeySteps)
    .where(eq(journeySteps.runId, runId))
    .orderBy(asc(journeySteps.seq));
}

/** Runs, newest entry first, filtered by journey, customer and/or status. */
export async function listRuns(
  db: Db,
  opts: { journeyId?: string; customerId?: string; status?: RunStatus; limit?: number } = {},
): Promise<JourneyRun[]> {
  const filters: SQL[] = [];
  if (opts.journeyId !== undefined) filters.push(eq(journeyRuns.journeyId, opts.journeyId));
  if (opts.customerId !== undefined) filters.push(eq(journeyRuns.customerId, opts.customerId));
  if (opts.status !== undefined) filters.push(eq(journeyRuns.status, opts.status));
  return db
    .select()
    .from(journeyRuns)
    .where(and(...filters))
    .orderBy(desc(journeyRuns.enteredAt), asc(journeyRuns.id))
    .limit(opts.limit ?? 500);
}

/** One run, or null. */
export async function getRun(db: Db, id: string): Promise<JourneyRun | null> {
  const [row] = await db.select().from(journeyRuns).where(eq(journeyRuns.id, id));
  return row ?? null;
}

/** Per-node counts over the given versions — the live overlay on the canvas. */
export async function nodeCounts(db: Db, versionIds: string[]): Promise<NodeCount[]> {
  if (versionIds.length === 0) return [];
  const inVersions = inArray(journeyRuns.versionId, versionIds);
  const [entered, here] = await Promise.all([
    db
      .select({ nodeId: journeySteps.nodeId, n: countDistinct(journeySteps.runId) })
      .from(journeySteps)
      .innerJoin(journeyRuns, eq(journeyRuns.id, journeySteps.runId))
      .where(inVersions)
      .groupBy(journeySteps.nodeId),
    db
      .select({ nodeId: journeyRuns.currentNodeId, status: journeyRuns.status, n: count() })
      .from(journeyRuns)
      .where(and(inVersions, isNotNull(journeyRuns.currentNodeId)))
      .groupBy(journeyRuns.currentNodeId, journeyRuns.status),
  ]);
  const counts = new Map<string, NodeCount>();
  const at = (nodeId: string): NodeCount => {
    let c = counts.get(nodeId);
    if (!c) counts.set(nodeId, (c = { nodeId, entered: 0, waitingNow: 0, exited: 0 }));
    return c;
  };
  for (const r of entered) at(r.nodeId).entered = r.n;
  for (const r of here) {
    if (r.nodeId === null) continue;
    if (r.status === 'running') at(r.nodeId).waitingNow += r.n;
    else at(r.nodeId).exited += r.n;
  }
  return [...counts.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}
