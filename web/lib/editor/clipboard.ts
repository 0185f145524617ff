// Copy / paste of canvas selections, also between journeys: the clipboard holds a fragment of
// a journey document (steps, the edges among them, notes) under a versioned envelope.
import { journeyDocumentSchema } from '@yatra/nodes/journey/document';
import { cloneJson, freeId, idStem, noteKey } from './document-ops';
import type { EditorNodeType, JourneyDocument, JourneyEdge, JourneyNode, XY } from './types';

type Note = JourneyDocument['notes'][number];

export interface Fragment {
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  notes: Note[];
}

const FORMAT = 'yatra/canvas-fragment@1';
export const CLIPBOARD_KEY = 'yatra.canvas.clipboard';

/** The selected steps and notes, with the edges that run between selected steps. */
export function copySelection(doc: JourneyDocument, keys: ReadonlySet<string>): Fragment | null {
  const nodes = doc.nodes.filter((n) => keys.has(n.id));
  const notes = doc.notes.filter((n) => keys.has(noteKey(n.id)));
  if (nodes.length === 0 && notes.length === 0) return null;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return cloneJson({ nodes, edges, notes });
}

export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ format: FORMAT, ...fragment });
}

const fragmentSchema = journeyDocumentSchema.pick({ nodes: true, edges: true, notes: true });

/** The fragment in clipboard text, or null when the text is something else. */
export function parseFragment(text: string | null): Fragment | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Reflect.get(value, 'format') !== FORMAT)
      return null;
    const parsed = fragmentSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Pastes a fragment with fresh ids, moved by `offset`. A second trigger is left out (a journey
 * has one). Returns the new canvas keys to select.
 */
export function pasteFragment(
  doc: JourneyDocument,
  fragment: Fragment,
  offset: XY,
  types: ReadonlyMap<string, EditorNodeType>,
): { doc: JourneyDocument; keys: string[]; skippedTrigger: boolean } {
  const hasTrigger = doc.nodes.some((n) => types.get(n.type)?.role === 'entry');
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  let skippedTrigger = false;
  const move = (p: XY): XY => ({ x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) });
  const nodes: JourneyNode[] = [];
  for (const node of fragment.nodes) {
    const type = types.get(node.type);
    if (type?.role === 'entry' && hasTrigger) {
      skippedTrigger = true;
      continue;
    }
    const id = taken.has(node.id) ? freeId(idStem(node.type, type?.category), taken) : node.id;
    taken.add(id);
    rename.set(node.id, id);
    nodes.push({ ...cloneJson(node), id, position: move(node.position) });
  }
  const edges: JourneyEdge[] = fragment.edges.flatMap((e) => {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (!source || !target) return [];
    return [{ source, sourcePort: e.sourcePort, target }];
  });
  const noteIds = new Set(doc.notes.map((n) => n.id));
  const notes: Note[] = fragment.notes.map((note) => {
    const id = noteIds.has(note.id) ? freeId('note', noteIds) : note.id;
    noteIds.add(id);
    return { id, text: note.text, position: move(note.position) };
  });
  const next: JourneyDocument = {
    ...doc,
    nodes: [...doc.nodes, ...nodes],
    edges: [...doc.edges, ...edges],
    notes: [...doc.notes, ...notes],
  };
  return {
    doc: next,
    keys: [...nodes.map((n) => n.id), ...notes.map((n) => noteKey(n.id))],
    skippedTrigger,
  };
}
