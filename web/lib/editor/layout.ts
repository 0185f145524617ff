// Auto-layout, top to bottom, with dagre (a layered "Sugiyama" layout: ranks follow the flow,
// crossings minimised). Branches keep their port order left to right (yes before no).
import dagre from '@dagrejs/dagre';
import type { JourneyDocument, XY } from './types';

export interface Size {
  width: number;
  height: number;
}

/** Card size used before React Flow has measured a node. */
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 72 };

/**
 * New top-left positions for every step, laid out top to bottom. Notes keep their place.
 * @example const positions = layoutDocument(doc, (id) => measured.get(id))
 */
export function layoutDocument(
  doc: JourneyDocument,
  sizeOf: (id: string) => Size | undefined = () => undefined,
  portOrder: (id: string) => readonly string[] = () => [],
): Map<string, XY> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 64, edgesep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Nodes and edges go in depth-first from the trigger, each node's ports in declared order:
  // dagre's initial ordering follows insertion, so "yes" lands left of "no".
  const known = new Set(doc.nodes.map((n) => n.id));
  const out = new Map<string, string[]>();
  const edgesFrom = new Map<string, { target: string; rank: number; i: number }[]>();
  doc.edges.forEach((edge, i) => {
    if (!known.has(edge.source) || !known.has(edge.target) || edge.source === edge.target) return;
    const order = portOrder(edge.source).indexOf(edge.sourcePort);
    const list = edgesFrom.get(edge.source) ?? [];
    list.push({ target: edge.target, rank: order < 0 ? Number.MAX_SAFE_INTEGER : order, i });
    edgesFrom.set(edge.source, list);
  });
  for (const [id, list] of edgesFrom) {
    list.sort((a, b) => a.rank - b.rank || a.i - b.i);
    out.set(
      id,
      list.map((e) => e.target),
    );
  }
  const hasInput = new Set(doc.edges.map((e) => e.target));
  const roots = [
    ...doc.nodes.filter((n) => !hasInput.has(n.id)),
    ...doc.nodes.filter((n) => hasInput.has(n.id)),
  ];
  const visited: string[] = [];
  const seen = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      visited.push(id);
      stack.push(...[...(out.get(id) ?? [])].reverse());
    }
  };
  for (const root of roots) visit(root.id);

  const sizes = new Map<string, Size>();
  for (const id of visited) {
    const size = sizeOf(id) ?? DEFAULT_NODE_SIZE;
    sizes.set(id, size);
    g.setNode(id, { width: size.width, height: size.height });
  }
  for (const id of visited) {
    for (const e of edgesFrom.get(id) ?? []) g.setEdge(id, e.target, {}, `e${e.i}`);
  }
  // Siblings in port order (yes left of no) where they share a rank.
  const constraints: { left: string; right: string }[] = [];
  for (const targets of out.values()) {
    for (let i = 1; i < targets.length; i++) {
      const left = targets[i - 1];
      const right = targets[i];
      if (left && right && left !== right) constraints.push({ left, right });
    }
  }
  try {
    dagre.layout(g, { constraints });
  } catch {
    dagre.layout(g); // contradictory constraints (e.g. two branches meeting in reverse order)
  }

  // Keep the journey where it was: the trigger (or first node) stays put.
  const anchor = doc.nodes[0];
  const result = new Map<string, XY>();
  let dx = 0;
  let dy = 0;
  if (anchor) {
    const laid = g.node(anchor.id);
    const size = sizes.get(anchor.id) ?? DEFAULT_NODE_SIZE;
    dx = anchor.position.x - (laid.x - size.width / 2);
    dy = anchor.position.y - (laid.y - size.height / 2);
  }
  for (const node of doc.nodes) {
    const laid = g.node(node.id);
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    result.set(node.id, {
      x: Math.round(laid.x - size.width / 2 + dx),
      y: Math.round(laid.y - size.height / 2 + dy),
    });
  }
  nudgeAwayFromPortLines(doc, result, sizes, portOrder);
  return result;
}

/** Gap kept between an edge's vertical run and a card it passes. */
const LINE_MARGIN = 24;

/**
 * Dagre lays edges out from node centres, but the canvas draws them from port handles spread
 * across the card's bottom, running straight down and turning just above the target. A card in
 * between whose side sits on such a line is moved aside (with the rest of its row on that side).
 */
function nudgeAwayFromPortLines(
  doc: JourneyDocument,
  positions: Map<string, XY>,
  sizes: ReadonlyMap<string, Size>,
  portOrder: (id: string) => readonly string[],
): void {
  const size = (id: string) => sizes.get(id) ?? DEFAULT_NODE_SIZE;
  for (const edge of doc.edges) {
    const source = positions.get(edge.source);
    const target = positions.get(edge.target);
    const ports = portOrder(edge.source);
    const slot = ports.indexOf(edge.sourcePort);
    if (!source || !target || ports.length < 2 || slot < 0) continue;
    const lineX = source.x + (size(edge.source).width * (slot + 1)) / (ports.length + 1);
    const top = source.y + size(edge.source).height;
    const bottom = target.y;
    for (const [id, p] of positions) {
      if (id === edge.source || id === edge.target) continue;
      const { width, height } = size(id);
      if (p.y + height <= top || p.y >= bottom) continue;
      if (p.x - LINE_MARGIN >= lineX || p.x + width + LINE_MARGIN <= lineX) continue;
      const toLeft = p.x + width / 2 < lineX;
      const delta = toLeft ? lineX - LINE_MARGIN - (p.x + width) : lineX + LINE_MARGIN - p.x;
      // Move this card and every card of its row on the same side, so the row stays apart.
      for (const [other, q] of positions) {
        const sameRow = Math.abs(q.y - p.y) < 1;
        const sameSide = toLeft ? q.x <= p.x : q.x >= p.x;
        if (sameRow && sameSide && other !== edge.source && other !== edge.target)
          positions.set(other, { x: Math.round(q.x + delta), y: q.y });
      }
    }
  }
}
