import { and, countDistinct, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { journeyRuns, journeySteps } from '../schema';

export interface EdgeCount {
  /** The node the edge leaves. */
  source: string;
  /** The output port it leaves through (`next`, `yes`, a cohort arm …). */
  sourcePort: string;
  /** Distinct runs that left `source` through `sourcePort`: the edge's traffic. */
  runs: number;
}

/**
 * Per-edge traffic over the given versions: with `nodeCounts` (runs.ts), the canvas's live
 * overlay. A port leads to exactly one next step, so (source, port) names an edge in every
 * version; a step row with a port is one traversal.
 * @example await edgeCounts(db, [liveVersionId]) // [{ source: 'is_cod', sourcePort: 'yes', runs: 12 }, …]
 */
export async function edgeCounts(db: Db, versionIds: string[]): Promise<EdgeCount[]> {
  if (versionIds.length === 0) return [];
  const rows = await db
    .select({
      source: journeySteps.nodeId,
      sourcePort: journeySteps.port,
      runs: countDistinct(journeySteps.runId),
    })
    .from(journeySteps)
    .innerJoin(journeyRuns, eq(journeyRuns.id, journeySteps.runId))
    .where(and(inArray(journeyRuns.versionId, versionIds), isNotNull(journeySteps.port)))
    .groupBy(journeySteps.nodeId, journeySteps.port);
  return rows
    .flatMap((r) => (r.sourcePort === null ? [] : [{ ...r, sourcePort: r.sourcePort }]))
    .sort((a, b) => a.source.localeCompare(b.source) || a.sourcePort.localeCompare(b.sourcePort));
}
