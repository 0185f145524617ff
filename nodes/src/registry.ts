import type { NodeDefinition } from './contract/define-node';
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

/** Every built-in node type. A custom node is one file plus one line here (or in yatra.config). */
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

/** Looks node types up by id and version; the newest version wins when none is asked for. */
export interface NodeRegistry {
  all(): readonly NodeDefinition[];
  get(type: string, version?: number): NodeDefinition | undefined;
}

/**
 * Builds a registry, refusing duplicate (type, version) pairs with the offending id.
 * @example const registry = createRegistry([...builtinNodes, myCustomNode]);
 */
export function createRegistry(nodes: readonly NodeDefinition[]): NodeRegistry {
  const byKey = new Map<string, NodeDefinition>();
  const newest = new Map<string, NodeDefinition>();
  for (const node of nodes) {
    const key = `${node.type}@${node.version}`;
    if (byKey.has(key))
      throw new Error(
        `Duplicate node type "${node.type}" version ${node.version}: each type id and version must be registered once.`,
      );
    byKey.set(key, node);
    const current = newest.get(node.type);
    if (!current || current.version < node.version) newest.set(node.type, node);
  }
  return {
    all: () => nodes,
    get: (type, version) =>
      version === undefined ? newest.get(type) : byKey.get(`${type}@${version}`),
  };
}

/** The registry of built-in node types. */
export const defaultRegistry: NodeRegistry = createRegistry(builtinNodes);
