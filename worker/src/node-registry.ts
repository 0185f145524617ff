import { registryFromConfig, type NodeDefinition, type NodeRegistry } from '@yatra/nodes';
import config from '../../yatra.config';

/** The worker's node types: the built-ins plus the custom nodes listed in yatra.config.ts. */
export const nodeRegistry = registryFromConfig(config);

/**
 * The worker's node types plus `extra` ones (tests register the node under test, or an old and a
 * new version of it). A definition already listed in yatra.config.ts is kept once.
 * @example createJourneyWorker({ connection, db, registry: registryWith([myNodeV1, myNodeV2]) })
 */
export function registryWith(extra: readonly NodeDefinition[]): NodeRegistry {
  return extra.length === 0
    ? nodeRegistry
    : registryFromConfig({ nodes: [...config.nodes, ...extra] });
}
