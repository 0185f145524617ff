// Which output ports a node shows. Static ports come from the node type's descriptor; ports that
// depend on the config (cohort arms) come from the server's last validation of this document.
import type { EditorNodeType, JourneyDocument } from './types';

export interface NodePorts {
  /** Ports the node's config declares, in declaration order: the React Flow handle ids. */
  ports: string[];
  /** Ports an edge still uses that the config no longer declares (shown, marked as broken). */
  stale: string[];
}

/** Ports used by edges, per source node. */
export function usedPorts(doc: JourneyDocument): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = used.get(edge.source) ?? [];
    if (!list.includes(edge.sourcePort)) list.push(edge.sourcePort);
    used.set(edge.source, list);
  }
  return used;
}

/**
 * The handles to draw for a node.
 * @example portsOf(conditionType, undefined, ['yes']) // { ports: ['yes', 'no'], stale: [] }
 */
export function portsOf(
  type: EditorNodeType | undefined,
  serverPorts: readonly string[] | undefined,
  used: readonly string[] = [],
): NodePorts {
  const declared = type
    ? type.portsDependOnConfig
      ? [...(serverPorts ?? type.ports)]
      : [...type.ports]
    : [...(serverPorts ?? [])];
  const stale = used.filter((p) => !declared.includes(p));
  return { ports: declared, stale };
}
