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
}

export interface LiveCounts {
  nodes: ReadonlyMap<string, NodeLiveCounts>;
  /** Runs that left a node through a port, by `portKey(source, port)`. */
  edges: ReadonlyMap<string, number>;
}

/** What `GET /api/journeys/:id/analytics` answers (the parts the canvas draws). */
export interface AnalyticsAnswer {
  nodes: ({ nodeId: string } & NodeLiveCounts)[];
  edges: { source: string; sourcePort: string; runs: number }[];
}

/** The key of the edge leaving `source` through `port` (a port has at most one edge). */
export function portKey(source: string, port: string): string {
  return `${source}\u0000${port}`;
}

const sameCounts = (a: NodeLiveCounts, b: NodeLiveCounts) =>
  a.entered === b.entered && a.waitingNow === b.waitingNow && a.exited === b.exited;

/**
 * The counts of `answer`, reusing `prev`'s objects wherever nothing changed; `prev` itself when
 * no number changed.
 * @example mergeLiveCounts(prev, answer) === prev // true when the poll brought nothing new
 */
export function mergeLiveCounts(prev: LiveCounts | null, answer: AnalyticsAnswer): LiveCounts {
  let changed = prev === null;
  const nodes = new Map<string, NodeLiveCounts>();
  for (const { nodeId, entered, waitingNow, exited } of answer.nodes) {
    const next = { entered, waitingNow, exited };
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
