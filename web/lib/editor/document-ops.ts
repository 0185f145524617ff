// Pure edits of a journey document. Every function returns a new document and leaves unchanged
// nodes, edges and notes as the same objects, so React can skip redrawing them.
import type { EditorNodeType, JourneyDocument, JourneyEdge, JourneyNode, XY } from './types';

type Note = JourneyDocument['notes'][number];

/** An empty journey: what "New journey → Blank" creates. */
export function blankDocument(name = 'Untitled journey'): JourneyDocument {
  return {
    name,
    description: '',
    window: { days: 45 },
    reentry: { policy: 'once' },
    goals: [],
    nodes: [],
    edges: [],
    notes: [],
  };
}

/**
 * Stable ids for the document's edges, in order: the edge's own `id`, else
 * `source.port->target`; repeats get `#2`, `#3`… so every id is unique.
 */
export function edgeIds(edges: readonly JourneyEdge[]): string[] {
  const seen = new Map<string, number>();
  return edges.map((edge) => {
    const base = edge.id ?? `${edge.source}.${edge.sourcePort}->${edge.target}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The stem new node ids start with: `trigger`, `send`, `wait_for_event`, … */
export function idStem(type: string, category?: string): string {
  if (category === 'trigger') return 'trigger';
  const last = type.split('.').pop() ?? 'step';
  return last.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'step';
}

/** The first free `<stem>_<n>` among `taken`. @example freeId('send', new Set(['send_1'])) // 'send_2' */
export function freeId(stem: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export function nodeIdSet(doc: JourneyDocument): Set<string> {
  return new Set(doc.nodes.map((n) => n.id));
}

/** A deep copy of plain JSON data (configs are JSON). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Adds a node of `type` at `position` with the type's example config. */
export function addNode(
  doc: JourneyDocument,
  type: EditorNodeType,
  position: XY,
): { doc: JourneyDocument; id: string } {
  const id = freeId(idStem(type.type, type.category), nodeIdSet(doc));
  const node: JourneyNode = {
    id,
    type: type.type,
    // The version the config is written for, so a later version's migrate() can upgrade it.
    version: type.version,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    config: cloneJson(type.example) ?? {},
  };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Replaces one node's fields (config, label). Unknown ids leave the document as it is. */
export function updateNode(
  doc: JourneyDocument,
  id: string,
  patch: { config?: unknown; label?: string | undefined },
): JourneyDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (node.id !== id) return node;
    changed = true;
    const next: JourneyNode = { ...node };
    if ('config' in patch) next.config = patch.config;
    if ('label' in patch) {
      if (patch.label === undefined || patch.label === '') delete next.label;
      else next.label = patch.label;
    }
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Moves nodes and notes (`note:` ids are notes, as on the canvas). */
export function setPositions(
  doc: JourneyDocument,
  positions: ReadonlyMap<string, XY>,
): JourneyDocument {
  if (positions.size === 0) return doc;
  const round = (p: XY): XY => ({ x: Math.round(p.x), y: Math.round(p.y) });
  const moved = (current: XY, key: string) => {
    const p = positions.get(key);
    if (!p) return null;
    const r = round(p);
    return r.x === current.x && r.y === current.y ? null : r;
  };
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const p = moved(node.position, node.id);
    if (!p) return node;
    changed = true;
    return { ...node, position: p };
  });
  const notes = doc.notes.map((note) => {
    const p = moved(note.position, noteKey(note.id));
    if (!p) return note;
    changed = true;
    return { ...note, position: p };
  });
  return changed ? { ...doc, nodes, notes } : doc;
}

/** A note's id on the canvas (kept apart from node ids). */
export const noteKey = (id: string) => `note:${id}`;
export const isNoteKey = (key: string) => key.startsWith('note:');
export const noteIdOf = (key: string) => key.slice('note:'.length);

/**
 * Removes nodes, notes (`note:` keys) and edges (by `edgeIds` id); edges touching a removed node
 * go with it.
 */
export function removeElements(
  doc: JourneyDocument,
  keys: { nodes?: Iterable<string>; edges?: Iterable<string> },
): JourneyDocument {
  const nodeKeys = new Set(keys.nodes ?? []);
  const edgeKeys = new Set(keys.edges ?? []);
  const ids = edgeIds(doc.edges);
  const nodes = doc.nodes.filter((n) => !nodeKeys.has(n.id));
  const notes = doc.notes.filter((n) => !nodeKeys.has(noteKey(n.id)));
  const edges = doc.edges.filter(
    (e, i) => !edgeKeys.has(ids[i] ?? '') && !nodeKeys.has(e.source) && !nodeKeys.has(e.target),
  );
  if (
    nodes.length === doc.nodes.length &&
    notes.length === doc.notes.length &&
    edges.length === doc.edges.length
  )
    return doc;
  return { ...doc, nodes, notes, edges };
}

/** Adds an edge from `source`'s `sourcePort` to `target` (checks are `connectionProblem`'s job). */
export function connect(
  doc: JourneyDocument,
  edge: { source: string; sourcePort: string; target: string },
): JourneyDocument {
  return {
    ...doc,
    edges: [
      ...doc.edges,
      { source: edge.source, sourcePort: edge.sourcePort, target: edge.target },
    ],
  };
}

/** Adds a sticky note; returns its id. */
export function addNote(
  doc: JourneyDocument,
  position: XY,
  text = '',
): { doc: JourneyDocument; id: string } {
  const id = freeId('note', new Set(doc.notes.map((n) => n.id)));
  const note: Note = {
    id,
    text,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  return { doc: { ...doc, notes: [...doc.notes, note] }, id };
}

export function updateNoteText(doc: JourneyDocument, id: string, text: string): JourneyDocument {
  const note = doc.notes.find((n) => n.id === id);
  if (!note || note.text === text) return doc;
  return { ...doc, notes: doc.notes.map((n) => (n.id === id ? { ...n, text } : n)) };
}

/** Journey-level settings the inspector edits when no step is selected. */
export type JourneySettings = Pick<
  JourneyDocument,
  'name' | 'description' | 'window' | 'reentry' | 'goals'
>;

export function updateSettings(
  doc: JourneyDocument,
  patch: Partial<JourneySettings>,
): JourneyDocument {
  return { ...doc, ...patch };
}

/**
 * JSON with object keys sorted: equal for equal documents whatever order their keys were
 * written in (to tell whether the draft differs from the live version).
 * @example canonicalJson({ b: 1, a: [2] }) === canonicalJson({ a: [2], b: 1 }) // true
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
