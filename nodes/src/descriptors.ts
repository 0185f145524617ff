import { z } from 'zod';
import type { NodeCategory, NodeDefinition } from './contract/define-node';

/** What the canvas needs to show and edit a node type; never includes `run`. */
export interface NodeDescriptor {
  type: string;
  version: number;
  title: string;
  category: NodeCategory;
  icon: string;
  description: string;
  kind: 'action' | 'control';
  role?: 'entry' | 'exit';
  /** JSON Schema of the config (input side: defaults may be omitted). */
  configSchema: Record<string, unknown>;
  /** Static ports, or the ports of the example config when they depend on config. */
  ports: readonly string[];
  portsDependOnConfig: boolean;
  example: unknown;
}

/**
 * Describes a node type for the browser: display data, JSON Schema and ports.
 * @example describeNode(sendNode).configSchema // { type: 'object', properties: { channel: … } }
 */
export function describeNode(def: NodeDefinition): NodeDescriptor {
  const staticPorts = def.portsFor(undefined);
  return {
    type: def.type,
    version: def.version,
    title: def.title,
    category: def.category,
    icon: def.icon,
    description: def.description,
    kind: def.kind,
    role: def.role,
    configSchema: z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }),
    ports: def.portsFor(def.example),
    portsDependOnConfig: staticPorts.length === 0 && def.portsFor(def.example).length > 0,
    example: def.example,
  };
}
