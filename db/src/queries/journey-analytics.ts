import { and, countDistinct, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { journeyRuns, journeySteps, sendDecisions } from '../schema';

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

export interface SendDecisionCount {
  nodeId: string;
  /** skipped | deferred | fallback | failed */
  decision: string;
  /** consent, quiet_hours, frequency_cap… (docs/sending.md) */
  rule: string;
  /** Distinct runs the decision was made for at this node. */
  runs: number;
}

/**
 * Per send step, how many runs the rules skipped, deferred, redirected or saw fail, by rule,
 * over the given versions: "12 skipped by the frequency cap, 40 held by quiet hours".
 * @example await sendDecisionCounts(db, [liveVersionId]) // [{ nodeId: 'cross_sell', decision: 'skipped', rule: 'consent', runs: 3 }]
 */
export async function sendDecisionCounts(
  db: Db,
  versionIds: string[],
): Promise<SendDecisionCount[]> {
  if (versionIds.length === 0) return [];
  const rows = await db
    .select({
      nodeId: sendDecisions.nodeId,
      decision: sendDecisions.decision,
      rule: sendDecisions.rule,
      runs: countDistinct(sendDecisions.runId),
    })
    .from(sendDecisions)
    .innerJoin(journeyRuns, eq(journeyRuns.id, sendDecisions.runId))
    .where(and(inArray(journeyRuns.versionId, versionIds), isNotNull(sendDecisions.nodeId)))
    .groupBy(sendDecisions.nodeId, sendDecisions.decision, sendDecisions.rule);
  return rows
    .flatMap((r) => (r.nodeId === null ? [] : [{ ...r, nodeId: r.nodeId }]))
    .sort(
      (a, b) =>
        a.nodeId.localeCompare(b.nodeId) ||
        a.decision.localeCompare(b.decision) ||
        a.rule.localeCompare(b.rule),
    );
}
