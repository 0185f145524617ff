// Shared by the editor's unit tests: the real node descriptors, as GET /api/nodes serves them.
import { journeyDocumentSchema, postPurchase45 } from '@yatra/nodes';
import { editorNodeTypes } from '../api/nodes';
import type { EditorNodeType, JourneyDocument } from './types';

export const nodeTypes: EditorNodeType[] = editorNodeTypes();
export const typeMap = new Map(nodeTypes.map((t) => [t.type, t]));

export function typeOf(type: string): EditorNodeType {
  const t = typeMap.get(type);
  if (!t) throw new Error(`no node type ${type}`);
  return t;
}

/** The demo playbook as the editor holds it (defaults filled, as saved by the API). */
export function demoDocument(): JourneyDocument {
  return journeyDocumentSchema.parse(postPurchase45);
}
