import type { NodeDefinition } from './define-node';

/**
 * `yatra.config.ts` at the repository root: what this Yatra installation adds to the built-in
 * node types. The worker and the web app both import it (statically, so Next can bundle it).
 * @example
 * // yatra.config.ts
 * import { defineConfig } from '@yatra/nodes';
 * import { shopifyDiscount, webhook } from '@acme/yatra-nodes';
 * export default defineConfig({ nodes: [shopifyDiscount, webhook] });
 */
export interface YatraConfig {
  /**
   * Custom node types, one per line: the default export of each `*.node.ts` file. List an old
   * version beside the new one while published journeys still use it.
   */
  nodes: readonly NodeDefinition[];
}

/**
 * Types a `yatra.config.ts`; returns it unchanged (checks happen when the registry is built,
 * see `registryFromConfig`).
 * @example export default defineConfig({ nodes: [webhook] });
 */
export function defineConfig(config: YatraConfig): YatraConfig {
  return config;
}
