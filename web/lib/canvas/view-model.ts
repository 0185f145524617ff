import type { NodeCount } from '@yatra/db';
import {
  defaultRegistry,
  journeyDocumentSchema,
  type CompileError,
  type NodeRegistry,
} from '@yatra/nodes';
import { summarizeConfig } from './summary';
import type { CanvasEdgeView, CanvasView } from './types';

/**
 * Turns a saved journey document into plain data for the read-only canvas (server-side, so the
 * browser never loads node code). Compile errors and live counts are attached to their nodes.
 * Returns null when the document does not even parse.
 */
export function buildCanvasView(
  graph: unknown,
  options: { errors?: CompileError[]; counts?: NodeCount[]; registry?: NodeRegistry } = {},
): CanvasView | null {
  const parsed = journeyDocumentSchema.safeParse(graph);
  if (!parsed.success) return null;
  const doc = parsed.data;
  const registry = options.registry ?? defaultRegistry;
  const counts = new Map((options.counts ?? []).map((c) => [c.nodeId, c]));

  const usedPorts = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = usedPorts.get(edge.source) ?? [];
    if (!list.includes(edge.sourcePort)) list.push(edge.sourcePort);
    usedPorts.set(edge.source, list);
  }

  const nodes = doc.nodes.map((node) => {
    const def = registry.get(node.type, node.version);
    // Declared ports first, then any port an edge uses that the config no longer declares.
    const ports = [...(def?.portsFor(node.config) ?? [])];
    for (const p of usedPorts.get(node.id) ?? []) if (!ports.includes(p)) ports.push(p);
    const count = counts.get(node.id);
    return {
      id: node.id,
      type: node.type,
      icon: def?.icon ?? '❔',
      title: def?.title ?? node.type,
      category: def?.category ?? 'custom',
      label: node.label ?? null,
      summary: summarizeConfig(node.type, node.config),
      ports,
      isTrigger: def?.role === 'entry',
      isExit: def?.role === 'exit',
      position: node.position,
      problems: (options.errors ?? []).filter((e) => e.nodeId === node.id).map((e) => e.message),
      counts: count
        ? { entered: count.entered, waitingNow: count.waitingNow, exited: count.exited }
        : null,
      config: node.config,
    };
  });

  const portCount = new Map(nodes.map((n) => [n.id, n.ports.length]));
  const edges: CanvasEdgeView[] = doc.edges.map((edge, i) => ({
    id: edge.id ?? `${edge.source}.${edge.sourcePort}->${edge.target}#${i}`,
    source: edge.source,
    sourcePort: edge.sourcePort,
    target: edge.target,
    showLabel: (portCount.get(edge.source) ?? 0) > 1 || edge.sourcePort !== 'next',
  }));

  return { nodes, edges, notes: doc.notes };
}
