// A simulation as the Simulate panel shows it (the answer of POST /api/journeys/:id/simulate),
// and how it lights up the canvas. Plain data: the server shapes it, the browser draws it.
import { edgeIds } from './document-ops';
import type { JourneyDocument } from './types';

/** A message the run would send at a step, with its variables already rendered. */
export interface SimMessage {
  channel: string;
  templateId: string;
  category: string;
  variables: Record<string, string>;
}

/** One step of the run, at its virtual time in the customer's time zone. */
export interface SimRow {
  seq: number;
  nodeId: string;
  nodeType: string;
  /** The node's label on the canvas, else its type's title, else its id. */
  nodeLabel: string;
  /** Calendar days after the entry day, in the customer's time zone (Day 0 = entry day). */
  day: number;
  /** `HH:MM`, local. */
  time: string;
  at: string;
  kind: 'step' | 'wait' | 'exit';
  port: string | null;
  /** What happened: `→ yes`, `waits for order.delivered until Day 7 · 19:45`, `exits: completed`. */
  outcome: string;
  messages: SimMessage[];
}

export interface SimulationView {
  timeZone: string;
  startAt: string;
  rows: SimRow[];
  exit: { reason: string; nodeId: string | null; day: number; time: string; at: string };
  /** Every node the run reached, in first-visit order. */
  visitedNodes: string[];
  /** Every (node, port) the run left through: the edges it took. */
  traversed: { source: string; sourcePort: string }[];
  messageCount: number;
  /** Things worth knowing that did not stop the run (e.g. the entry event is not the trigger's). */
  warnings: string[];
}

/** `Day 3 · 19:45`. */
export function dayLabel(day: number, time: string): string {
  return `Day ${day} · ${time}`;
}

/** What lights up on the canvas: node ids and edge ids (as `edgeIds` names them). */
export interface SimHighlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * The canvas highlight of a simulation of `doc`: visited nodes and the edges whose (source, port)
 * the run left through.
 * @example highlightOf(view, doc).edges.has('is_cod.yes->cod_reassure') // true for a COD customer
 */
export function highlightOf(view: SimulationView, doc: JourneyDocument): SimHighlight {
  const taken = new Set(view.traversed.map((t) => `${t.source}\u0000${t.sourcePort}`));
  const ids = edgeIds(doc.edges);
  const edges = new Set<string>();
  doc.edges.forEach((edge, i) => {
    const id = ids[i];
    if (id && taken.has(`${edge.source}\u0000${edge.sourcePort}`)) edges.add(id);
  });
  return { nodes: new Set(view.visitedNodes), edges };
}
