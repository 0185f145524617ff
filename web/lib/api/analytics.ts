// GET /api/journeys/:id/analytics: the live overlay of a journey's canvas — per-node counts
// (entered, waiting here now, exited here) and per-edge traffic, over every version or one.
import {
  edgeCounts,
  sendDecisionCounts,
  type Db,
  type EdgeCount,
  type NodeCount,
  type SendDecisionCount,
} from '@yatra/db';
import { z } from 'zod';
import { issuesOf, ValidationError } from './errors';
import { journeyStats } from './journeys';

export interface JourneyAnalyticsView {
  journeyId: string;
  versionIds: string[];
  nodes: NodeCount[];
  edges: EdgeCount[];
  /** Per send step: runs the send rules skipped, deferred, redirected or saw fail, by rule. */
  sendDecisions: SendDecisionCount[];
  /** When the counts were read (the canvas shows how fresh they are). */
  at: string;
}

const querySchema = z.strictObject({
  versionId: z.guid('versionId must be a version id (uuid)').optional(),
});

/** Parses the query string: `?versionId=<uuid>` or nothing. */
export function analyticsQuery(url: string): { versionId?: string } {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!parsed.success) {
    throw new ValidationError('The analytics query is invalid.', issuesOf(parsed.error));
  }
  return parsed.data;
}

/**
 * Node counts (as `GET /stats` reads them) plus edge traffic, for all versions of journey `id`
 * or `query.versionId`. Throws NotFoundError for an unknown journey or version.
 */
export async function journeyAnalyticsView(
  db: Db,
  id: string,
  query: { versionId?: string },
): Promise<JourneyAnalyticsView> {
  const stats = await journeyStats(db, id, query.versionId);
  return {
    ...stats,
    edges: await edgeCounts(db, stats.versionIds),
    sendDecisions: await sendDecisionCounts(db, stats.versionIds),
    at: new Date().toISOString(),
  };
}
