// Journey document ↔ React Flow graph. The document is what is saved and undone; the graph is
// derived from it for drawing. `syncFlowNodes`/`syncFlowEdges` reuse the previous objects of
// everything that did not change, so a 500-node journey redraws only what an edit touched.
import { Position, type Edge, type Node } from '@xyflow/react';
import { summarizeConfig } from '../canvas/summary';
import { edgeIds, isNoteKey, noteKey } from './document-ops';
import { portKey, type LiveCounts, type NodeLiveCounts } from './live-counts';
import { portsOf, usedPorts } from './ports';
import type { SimHighlight } from './simulation';
import type { EditorNodeType, JourneyDocument, JourneyEdge, JourneyNode } from './types';

type Note = JourneyDocument['notes'][number];

/** A simulation's mark on a node or edge: on the path, or dimmed beside it (none: no simulation). */
export type SimMark = 'visited' | 'dimmed' | undefined;

export interface StepData extends Record<string, unknown> {
  node: JourneyNode;
  nodeType: EditorNodeType | undefined;
  ports: string[];
  stalePorts: string[];
  problems: string[];
  summary: string;
  readOnly: boolean;
  sim?: SimMark;
  /** Live overlay: who entered, waits here, exited here (published journeys). */
  counts?: NodeLiveCounts;
}
export interface NoteData extends Record<string, unknown> {
  note: Note;
  readOnly: boolean;
}
export interface PortEdgeData extends Record<string, unknown> {
  edge: JourneyEdge;
  showLabel: boolean;
  broken: boolean;
  sim?: SimMark;
  /** Live overlay: runs that took this edge. */
  runs?: number;
}

export type StepFlowNode = Node<StepData, 'step'>;
export type NoteFlowNode = Node<NoteData, 'note'>;
export type FlowNode = StepFlowNode | NoteFlowNode;
export type FlowEdge = Edge<PortEdgeData, 'port'>;

export interface FlowContext {
  types: ReadonlyMap<string, EditorNodeType>;
  /** Compile problems per node id. */
  problems?: ReadonlyMap<string, string[]>;
  /** Indexes of edges a compile error points at. */
  brokenEdges?: ReadonlySet<number>;
  /** Output ports per node from the last server validation (config-dependent ports). */
  serverPorts?: Readonly<Record<string, string[]>>;
  readOnly?: boolean;
  /** When set, exactly these node keys (and no edges) end up selected. */
  select?: ReadonlySet<string> | null;
  /** The path of the last simulation, lit up (others dimmed). */
  sim?: SimHighlight | null;
  live?: LiveCounts | null;
}

const markOf = (lit: ReadonlySet<string> | undefined, id: string): SimMark =>
  lit ? (lit.has(id) ? 'visited' : 'dimmed') : undefined;

const NO_PROBLEMS: string[] = [];

type NodeHandle = NonNullable<Node['handles']>[number];

/** Card width (the step card's CSS width). */
export const STEP_WIDTH = 220;

/**
 * A step card's size as its CSS draws it: a 52 px header, a 29 px config line, a 20 px row of
 * port labels when it branches. Known sizes and handle positions let React Flow place edges and
 * cull off-screen cards without first rendering every card to measure it (a 500-node journey).
 */
export function stepSize(
  portCount: number,
  hasSummary: boolean,
): { width: number; height: number } {
  return { width: STEP_WIDTH, height: 52 + (hasSummary ? 29 : 0) + (portCount > 1 ? 20 : 0) };
}

/** Handle boxes relative to the card, matching step-node.tsx: one input on top, outputs spread below. */
export function stepHandles(
  ports: readonly string[],
  isTrigger: boolean,
  size: { width: number; height: number },
): NodeHandle[] {
  const handles: NodeHandle[] = ports.map((id, i) => ({
    id,
    type: 'source',
    position: Position.Bottom,
    x: (size.width * (i + 1)) / (ports.length + 1) - 6,
    y: size.height - 6,
    width: 12,
    height: 12,
  }));
  if (!isTrigger)
    handles.push({
      id: null,
      type: 'target',
      position: Position.Top,
      x: size.width / 2 - 20,
      y: -5,
      width: 40,
      height: 10,
    });
  return handles;
}

/** Sets a step's handles for its current size (measured by the browser, else computed). */
export function withGeometry(node: StepFlowNode): StepFlowNode {
  const all = [...node.data.ports, ...node.data.stalePorts];
  const size =
    node.measured?.width && node.measured.height
      ? { width: node.measured.width, height: node.measured.height }
      : stepSize(all.length, node.data.summary !== '');
  const isTrigger = node.data.nodeType?.role === 'entry';
  return { ...node, measured: size, handles: stepHandles(all, isTrigger, size) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The graph's nodes for `doc`, reusing unchanged objects from `prev`. */
export function syncFlowNodes(
  prev: readonly FlowNode[],
  doc: JourneyDocument,
  ctx: FlowContext,
): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const used = usedPorts(doc);
  const readOnly = ctx.readOnly ?? false;
  const selected = (key: string, p: FlowNode | undefined) =>
    ctx.select ? ctx.select.has(key) : (p?.selected ?? false);

  const steps = doc.nodes.map((node): FlowNode => {
    const p = before.get(node.id);
    const nodeType = ctx.types.get(node.type);
    const { ports, stale } = portsOf(nodeType, ctx.serverPorts?.[node.id], used.get(node.id));
    const problems = ctx.problems?.get(node.id) ?? NO_PROBLEMS;
    const isSelected = selected(node.id, p);
    const sim = markOf(ctx.sim?.nodes, node.id);
    const counts = ctx.live?.nodes.get(node.id);
    if (
      p?.type === 'step' &&
      p.data.sim === sim &&
      p.data.counts === counts &&
      p.data.node === node &&
      p.data.nodeType === nodeType &&
      p.data.readOnly === readOnly &&
      sameList(p.data.ports, ports) &&
      sameList(p.data.stalePorts, stale) &&
      sameList(p.data.problems, problems)
    ) {
      return (p.selected ?? false) === isSelected ? p : { ...p, selected: isSelected };
    }
    const step: StepFlowNode = withGeometry({
      id: node.id,
      type: 'step',
      position: node.position,
      data: {
        node,
        nodeType,
        ports,
        stalePorts: stale,
        problems,
        summary: summarizeConfig(node.type, node.config),
        readOnly,
        ...(sim && { sim }),
        ...(counts && { counts }),
      },
      selected: isSelected,
      draggable: !readOnly,
      connectable: !readOnly,
      deletable: !readOnly,
      ...(p?.measured && { measured: p.measured }),
    });
    return step;
  });

  const notes = doc.notes.map((note): FlowNode => {
    const key = noteKey(note.id);
    const p = before.get(key);
    const isSelected = selected(key, p);
    if (p?.type === 'note' && p.data.note === note && p.data.readOnly === readOnly) {
      return (p.selected ?? false) === isSelected ? p : { ...p, selected: isSelected };
    }
    const flowNote: NoteFlowNode = {
      id: key,
      type: 'note',
      position: note.position,
      data: { note, readOnly },
      selected: isSelected,
      draggable: !readOnly,
      connectable: false,
      deletable: !readOnly,
      zIndex: -1,
      // No handles; a size until the browser measures it, so it need not be drawn off-screen.
      handles: [],
      measured: p?.measured ?? { width: 208, height: 96 },
    };
    return flowNote;
  });
  return [...notes, ...steps];
}

/** The graph's edges for `doc`, reusing unchanged objects from `prev`. */
export function syncFlowEdges(
  prev: readonly FlowEdge[],
  doc: JourneyDocument,
  ctx: FlowContext,
): FlowEdge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  const ids = edgeIds(doc.edges);
  const portCount = new Map<string, number>();
  const used = usedPorts(doc);
  for (const node of doc.nodes) {
    const { ports, stale } = portsOf(
      ctx.types.get(node.type),
      ctx.serverPorts?.[node.id],
      used.get(node.id),
    );
    portCount.set(node.id, ports.length + stale.length);
  }
  const readOnly = ctx.readOnly ?? false;
  return doc.edges.map((edge, i) => {
    const id = ids[i] ?? `edge-${i}`;
    const p = before.get(id);
    const showLabel = (portCount.get(edge.source) ?? 0) > 1 || edge.sourcePort !== 'next';
    const broken = ctx.brokenEdges?.has(i) ?? false;
    const isSelected = ctx.select ? false : (p?.selected ?? false);
    const sim = markOf(ctx.sim?.edges, id);
    const runs = ctx.live?.edges.get(portKey(edge.source, edge.sourcePort));
    if (
      p?.data &&
      p.data.sim === sim &&
      p.data.runs === runs &&
      p.data.edge === edge &&
      p.data.showLabel === showLabel &&
      p.data.broken === broken &&
      p.deletable === !readOnly
    ) {
      return (p.selected ?? false) === isSelected ? p : { ...p, selected: isSelected };
    }
    return {
      id,
      type: 'port',
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      data: { edge, showLabel, broken, ...(sim && { sim }), ...(runs !== undefined && { runs }) },
      selected: isSelected,
      deletable: !readOnly,
    };
  });
}

/**
 * The React Flow graph of a journey document.
 * @example const { nodes, edges } = documentToFlow(doc, { types })
 */
export function documentToFlow(
  doc: JourneyDocument,
  ctx: FlowContext,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return { nodes: syncFlowNodes([], doc, ctx), edges: syncFlowEdges([], doc, ctx) };
}

/**
 * The journey document a graph draws: `base` supplies the journey's settings; nodes and notes
 * take their positions from the graph. Used for copying a selection and for saving moves.
 * @example flowToDocument(doc, documentToFlow(doc, ctx).nodes, documentToFlow(doc, ctx).edges) // deep-equals doc
 */
export function flowToDocument(
  base: JourneyDocument,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): JourneyDocument {
  const position = (n: FlowNode, current: { x: number; y: number }) =>
    n.position.x === current.x && n.position.y === current.y
      ? current
      : { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  const steps: JourneyNode[] = [];
  const notes: Note[] = [];
  for (const n of nodes) {
    if (n.type === 'step') {
      const p = position(n, n.data.node.position);
      steps.push(p === n.data.node.position ? n.data.node : { ...n.data.node, position: p });
    } else if (isNoteKey(n.id)) {
      const p = position(n, n.data.note.position);
      notes.push(p === n.data.note.position ? n.data.note : { ...n.data.note, position: p });
    }
  }
  const docEdges = edges.flatMap((e) => (e.data ? [e.data.edge] : []));
  return { ...base, nodes: steps, edges: docEdges, notes };
}
