import { describeNode, type NodeDescriptor } from '@yatra/nodes';
import { nodeRegistry } from '../node-registry';
import type { EditorNodeType } from '../editor/types';

/**
 * Display data, config JSON Schema and ports of every node type (never `run`): the newest version
 * of each, built-ins and yatra.config.ts's custom nodes alike.
 */
export function nodeDescriptors(): NodeDescriptor[] {
  return nodeRegistry.latest().map(describeNode);
}

/**
 * The descriptors plus what the canvas needs to refuse instant loops: whether the node type can
 * hold a customer (it declares a minimum delay).
 */
export function editorNodeTypes(): EditorNodeType[] {
  const types: EditorNodeType[] = nodeRegistry
    .latest()
    .map((def) => ({ ...describeNode(def), waits: typeof def.minDelayMs === 'function' }));
  // Exactly what GET /api/nodes serves: plain JSON (zod's JSON Schema objects may carry a
  // prototype React refuses to hand from a server component to a client component).
  const plain: EditorNodeType[] = JSON.parse(JSON.stringify(types));
  return plain;
}

/** The output ports each node's config declares, by node id (unknown types: none). */
export function portsByNode(document: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof document !== 'object' || document === null) return out;
  const nodes: unknown = Reflect.get(document, 'nodes');
  if (!Array.isArray(nodes)) return out;
  for (const node of nodes) {
    if (typeof node !== 'object' || node === null) continue;
    const id: unknown = Reflect.get(node, 'id');
    const type: unknown = Reflect.get(node, 'type');
    const version: unknown = Reflect.get(node, 'version');
    if (typeof id !== 'string' || typeof type !== 'string') continue;
    const def = nodeRegistry.get(type, typeof version === 'number' ? version : undefined);
    out[id] = [...(def?.portsFor(Reflect.get(node, 'config')) ?? [])];
  }
  return out;
}
