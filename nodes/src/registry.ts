import type { YatraConfig } from './contract/config';
import type { NodeDefinition } from './contract/define-node';
import { authorError, NodeAuthorError } from './contract/node-errors';
import eventTrigger from './builtins/trigger/event-trigger.node.ts';
import wait from './builtins/flow/wait.node.ts';
import waitForEvent from './builtins/flow/wait-for-event.node.ts';
import condition from './builtins/flow/condition.node.ts';
import exit from './builtins/flow/exit.node.ts';
import cohortSplit from './builtins/audience/cohort-split.node.ts';
import send from './builtins/message/send.node.ts';
import renderVideo from './builtins/media/render-video.node.ts';
import loyaltyEnroll from './builtins/loyalty/enroll.node.ts';
import loyaltyEarnBonus from './builtins/loyalty/earn-bonus.node.ts';
import loyaltyRedeem from './builtins/loyalty/redeem.node.ts';
import loyaltyBalanceCheck from './builtins/loyalty/balance-check.node.ts';
import loyaltyTierBranch from './builtins/loyalty/tier-branch.node.ts';
import loyaltyTierProgress from './builtins/loyalty/tier-progress.node.ts';
import loyaltyPointsExpiring from './builtins/loyalty/points-expiring.node.ts';

/**
 * Every built-in node type. A built-in is one file plus one line here; other nodes are one line
 * in yatra.config.ts (`npm run new-node` writes either).
 * @example createRegistry([...builtinNodes, myNode])
 */
export const builtinNodes: readonly NodeDefinition[] = [
  eventTrigger,
  wait,
  waitForEvent,
  condition,
  cohortSplit,
  send,
  renderVideo,
  loyaltyEnroll,
  loyaltyEarnBonus,
  loyaltyRedeem,
  loyaltyBalanceCheck,
  loyaltyTierBranch,
  loyaltyTierProgress,
  loyaltyPointsExpiring,
  exit,
];

/**
 * Looks node types up by id and version; the newest version wins when none is asked for.
 * @example
 * registry.get('acme.webhook')    // the newest version
 * registry.get('acme.webhook', 1) // exactly v1 (what a journey published on v1 runs)
 */
export interface NodeRegistry {
  /** Every registered definition, old versions included. */
  all(): readonly NodeDefinition[];
  /** The newest version of each type: what the palette offers and new nodes are written for. */
  latest(): readonly NodeDefinition[];
  get(type: string, version?: number): NodeDefinition | undefined;
}

const where = (node: NodeDefinition) => node.definedAt ?? 'file unknown';

/**
 * Builds a registry, refusing duplicate (type, version) pairs with both files and the fix.
 * Listing the very same definition twice is harmless and kept once.
 * @example const registry = createRegistry([...builtinNodes, myCustomNode]);
 */
export function createRegistry(nodes: readonly NodeDefinition[]): NodeRegistry {
  const byKey = new Map<string, NodeDefinition>();
  const newest = new Map<string, NodeDefinition>();
  for (const node of nodes) {
    const key = `${node.type}@${node.version}`;
    const taken = byKey.get(key);
    if (taken === node) continue;
    if (taken)
      throw new NodeAuthorError(
        node.type,
        `Duplicate node type "${node.type}" version ${node.version}, in ${where(taken)} and in ` +
          `${where(node)}: give the new node another \`type\` id, or bump \`version\` if it is ` +
          `a new version of the same type.`,
      );
    byKey.set(key, node);
    const current = newest.get(node.type);
    if (!current || current.version < node.version) newest.set(node.type, node);
  }
  const all = [...byKey.values()];
  const latest = all.filter((node) => newest.get(node.type) === node);
  return {
    all: () => all,
    latest: () => latest,
    get: (type, version) =>
      version === undefined ? newest.get(type) : byKey.get(`${type}@${version}`),
  };
}

/**
 * The registry of built-in node types only; hosts use `registryFromConfig(yatra.config)`.
 * @example compile(document) // checks against the built-ins
 */
export const defaultRegistry: NodeRegistry = createRegistry(builtinNodes);

/**
 * The registry of an installation: the built-ins plus the custom nodes of its `yatra.config.ts`.
 * The worker, the web app and the test environments each build theirs with it. Custom nodes
 * must be action nodes: control nodes are evaluated inside the workflow from a zod-free bundle
 * of built-ins (docs/design-notes.md), which a config cannot extend yet.
 * @example
 * import config from '../../yatra.config';
 * export const nodeRegistry = registryFromConfig(config);
 */
export function registryFromConfig(config: YatraConfig): NodeRegistry {
  for (const node of config.nodes) {
    if (node.kind !== 'action')
      throw authorError(
        node.type,
        "is a control node: custom nodes must be `kind: 'action'` (controls run inside the " +
          'workflow bundle, which only has the built-ins). Make it an action node.',
        node.definedAt,
      );
  }
  return createRegistry([...builtinNodes, ...config.nodes]);
}
