// The live overlay's numbers as the canvas holds them. Each poll is merged into the previous
// counts keeping every unchanged entry's object, so React Flow redraws only the cards and edges
// whose numbers moved (and nothing at all when none did).

export interface NodeLiveCounts {
  /** Distinct runs that reached the node. */
  entered: number;
  /** Runs waiting at the node right now. */
  waitingNow: number;
  /** Finished runs whose last step was the node. */
  exited: number;
  /** Runs a send step's rules skipped or that failed to send (held ones are in `waitingNow`). */
  stopped: number;
  /** Why, for people: `consent 3 · frequency_cap 1`; empty when nothing was stopped. */
  stoppedBy: string;
}

export interface LiveCounts {
  nodes: ReadonlyMap<string, NodeLiveCounts>;
  /** Runs that left a node through a port, by `portKey(source, port)`. */
  edges: ReadonlyMap<string, number>;
}

/** What `GET /api/journeys/:id/analytics` answers (the parts the canvas draws). */
export interface AnalyticsAnswer {
  nodes: { nodeId: string; entered: number; waitingNow: number; exited: number }[];
  edges: { source: string; sourcePort: string; runs: number }[];
  /** Send steps' rule decisions by node, decision and rule (docs/sending.md). */
  sendDecisions?: { nodeId: string; decision: string; rule: string; runs: number }[];
}

/** Decisions that stopped a message for good; a deferral still sends, a fallback sends elsewhere. */
const STOPPING = new Set(['skipped', 'failed']);

/** Per node: how many runs the send rules stopped, and a line naming the rules. */
function stoppedByNode(
  answer: AnalyticsAnswer,
): Map<string, { stopped: number; stoppedBy: string }> {
  const byNode = new Map<string, Map<string, number>>();
  for (const d of answer.sendDecisions ?? []) {
    if (!STOPPING.has(d.decision)) continue;
    const rules = byNode.get(d.nodeId) ?? new Map<string, number>();
    rules.set(d.rule, (rules.get(d.rule) ?? 0) + d.runs);
    byNode.set(d.nodeId, rules);
  }
  return new Map(
    [...byNode].map(([nodeId, rules]) => {
      const sorted = [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return [
        nodeId,
        {
          stopped: sorted.reduce((sum, [, n]) => sum + n, 0),
          stoppedBy: sorted.map(([rule, n]) => `${rule} ${n}`).join(' · '),
        },
      ];
    }),
  );
}

/** The key of the edge leaving `source` through `port` (a port has at most one edge). */
export function portKey(source: string, port: string): string {
  return `${source}\u0000${port}`;
}

const sameCounts = (a: NodeLiveCounts, b: NodeLiveCounts) =>
  a.entered === b.entered &&
  a.waitingNow === b.waitingNow &&
  a.exited === b.exited &&
  a.stopped === b.stopped &&
  a.stoppedBy === b.stoppedBy;

/**
 * The counts of `answer`, reusing `prev`'s objects wherever nothing changed; `prev` itself when
 * no number changed.
 * @example mergeLiveCounts(prev, answer) === prev // true when the poll brought nothing new
 */
export function mergeLiveCounts(prev: LiveCounts | null, answer: AnalyticsAnswer): LiveCounts {
  let changed = prev === null;
  const nodes = new Map<string, NodeLiveCounts>();
  const stopped = stoppedByNode(answer);
  for (const { nodeId, entered, waitingNow, exited } of answer.nodes) {
    const next = {
      entered,
      waitingNow,
      exited,
      ...(stopped.get(nodeId) ?? { stopped: 0, stoppedBy: '' }),
    };
    const before = prev?.nodes.get(nodeId);
    if (before && sameCounts(before, next)) nodes.set(nodeId, before);
    else {
      nodes.set(nodeId, next);
      changed = true;
    }
  }
  const edges = new Map<string, number>();
  for (const e of answer.edges) {
    const key = portKey(e.source, e.sourcePort);
    edges.set(key, e.runs);
    if (prev?.edges.get(key) !== e.runs) changed = true;
  }
  if (prev && (prev.nodes.size !== nodes.size || prev.edges.size !== edges.size)) changed = true;
  return changed || !prev ? { nodes, edges } : prev;
}
