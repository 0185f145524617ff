import { count, countDistinct, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../client';
import {
  journeyRuns,
  journeys,
  journeyVersions,
  type Journey,
  type JourneyVersion,
} from '../schema';

export interface JourneyDraftInput {
  name: string;
  description?: string;
  graph: unknown;
}

export interface JourneySummary {
  id: string;
  name: string;
  description: string;
  liveVersionId: string | null;
  liveVersion: number | null;
  versionCount: number;
  /** Distinct customers currently running through any version of the journey. */
  runningCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublishJourneyInput {
  journeyId: string;
  graph: unknown;
  ir: unknown;
  triggerEvent: string;
  publishedBy?: string;
}

export interface LiveTrigger {
  journeyId: string;
  versionId: string;
  version: number;
  ir: unknown;
}

/** Creates a journey draft (unpublished) from the canvas document. */
export async function createJourney(db: Db, input: JourneyDraftInput): Promise<Journey> {
  const [row] = await db
    .insert(journeys)
    .values({ name: input.name, description: input.description ?? '', graph: input.graph })
    .returning();
  if (!row) throw new Error('createJourney: insert returned no row');
  return row;
}

/** Saves canvas edits to the draft; live versions are untouched. Null when the journey does not exist. */
export async function updateJourneyDraft(
  db: Db,
  id: string,
  patch: { name?: string; description?: string; graph?: unknown },
): Promise<Journey | null> {
  const [row] = await db
    .update(journeys)
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.graph !== undefined && { graph: patch.graph }),
      updatedAt: new Date(),
    })
    .where(eq(journeys.id, id))
    .returning();
  return row ?? null;
}

/** One journey draft, or null. */
export async function getJourney(db: Db, id: string): Promise<Journey | null> {
  const [row] = await db.select().from(journeys).where(eq(journeys.id, id));
  return row ?? null;
}

/** Every journey with its live version number and counts, most recently edited first (the journeys list page). */
export async function listJourneys(db: Db): Promise<JourneySummary[]> {
  const [rows, versionCounts, runningCounts] = await Promise.all([
    db
      .select({
        id: journeys.id,
        name: journeys.name,
        description: journeys.description,
        liveVersionId: journeys.liveVersionId,
        liveVersion: journeyVersions.version,
        createdAt: journeys.createdAt,
        updatedAt: journeys.updatedAt,
      })
      .from(journeys)
      .leftJoin(journeyVersions, eq(journeyVersions.id, journeys.liveVersionId))
      .orderBy(desc(journeys.updatedAt)),
    db
      .select({ journeyId: journeyVersions.journeyId, n: count() })
      .from(journeyVersions)
      .groupBy(journeyVersions.journeyId),
    db
      .select({ journeyId: journeyRuns.journeyId, n: countDistinct(journeyRuns.customerId) })
      .from(journeyRuns)
      .where(eq(journeyRuns.status, 'running'))
      .groupBy(journeyRuns.journeyId),
  ]);
  const versions = new Map(versionCounts.map((r) => [r.journeyId, r.n]));
  const running = new Map(runningCounts.map((r) => [r.journeyId, r.n]));
  return rows.map((r) => ({
    ...r,
    versionCount: versions.get(r.id) ?? 0,
    runningCount: running.get(r.id) ?? 0,
  }));
}

/**
 * Deletes a journey and its versions. Refuses (throws) once any customer has entered it:
 * runs are history the timeline and analytics still point at.
 */
export async function deleteJourney(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .select({ id: journeyRuns.id })
      .from(journeyRuns)
      .where(eq(journeyRuns.journeyId, id))
      .limit(1);
    if (run) throw new Error(`Journey ${id} has runs and cannot be deleted; unpublish it instead.`);
    const deleted = await tx
      .delete(journeys)
      .where(eq(journeys.id, id))
      .returning({ id: journeys.id });
    return deleted.length > 0;
  });
}

/**
 * Stores a new immutable version (max + 1) and makes it live, in one transaction with the journey
 * row locked, so concurrent publishes get distinct version numbers.
 */
export async function publishJourneyVersion(
  db: Db,
  input: PublishJourneyInput,
): Promise<JourneyVersion> {
  return db.transaction(async (tx) => {
    const [journey] = await tx
      .select({ id: journeys.id })
      .from(journeys)
      .where(eq(journeys.id, input.journeyId))
      .for('update');
    if (!journey) throw new Error(`publishJourneyVersion: journey ${input.journeyId} not found`);
    const [latest] = await tx
      .select({ version: max(journeyVersions.version) })
      .from(journeyVersions)
      .where(eq(journeyVersions.journeyId, input.journeyId));
    const [version] = await tx
      .insert(journeyVersions)
      .values({
        journeyId: input.journeyId,
        version: (latest?.version ?? 0) + 1,
        graph: input.graph,
        ir: input.ir,
        triggerEvent: input.triggerEvent,
        publishedBy: input.publishedBy ?? 'system',
      })
      .returning();
    if (!version) throw new Error('publishJourneyVersion: insert returned no row');
    await tx
      .update(journeys)
      .set({ liveVersionId: version.id })
      .where(eq(journeys.id, input.journeyId));
    return version;
  });
}

/** Takes a journey off the air: no new entrants; customers already in it continue on their version. */
export async function unpublishJourney(db: Db, journeyId: string): Promise<void> {
  await db.update(journeys).set({ liveVersionId: null }).where(eq(journeys.id, journeyId));
}

/** All versions of a journey, newest first. */
export async function listJourneyVersions(db: Db, journeyId: string): Promise<JourneyVersion[]> {
  return db
    .select()
    .from(journeyVersions)
    .where(eq(journeyVersions.journeyId, journeyId))
    .orderBy(desc(journeyVersions.version));
}

/** One published version (the IR a run is pinned to), or null. */
export async function getJourneyVersion(db: Db, id: string): Promise<JourneyVersion | null> {
  const [row] = await db.select().from(journeyVersions).where(eq(journeyVersions.id, id));
  return row ?? null;
}

/** The live version of every journey triggered by `eventType` — what the dispatcher starts runs of. */
export async function findLiveVersionsForTrigger(
  db: Db,
  eventType: string,
): Promise<LiveTrigger[]> {
  return db
    .select({
      journeyId: journeyVersions.journeyId,
      versionId: journeyVersions.id,
      version: journeyVersions.version,
      ir: journeyVersions.ir,
    })
    .from(journeyVersions)
    .innerJoin(journeys, eq(journeys.liveVersionId, journeyVersions.id))
    .where(eq(journeyVersions.triggerEvent, eventType));
}
