import { readPath } from '../contract/predicates';
import type { CompiledJourney, CompiledNode } from './ir';

/** What the estimate needs besides the graph: prices and the registry's template categories. */
export interface CostInputs {
  /** Price of one message in thousandths of a paisa (₹0.115 = 11,500); undefined when unknown. */
  price(channel: string, category: string): number | undefined;
  /** The template registry's category for a template id, which overrides the step's own. */
  templateCategory?(templateId: string, channel: string): string | undefined;
}

/** One send step with what it costs. */
export interface CostedStep {
  nodeId: string;
  channel: string;
  templateId: string;
  category: string;
  /** undefined: no price for this channel and category (counted as 0). */
  priceMillipaise: number | undefined;
}

/** Expected messaging cost per customer who enters the journey, in thousandths of a paisa. */
export interface CostEstimate {
  /** Weighted over branches: random cohorts by their percentages, other branches evenly. */
  typicalMillipaise: number;
  /** The most expensive path (max over every branch). */
  worstMillipaise: number;
  typicalMessages: number;
  worstMessages: number;
  steps: CostedStep[];
}

function costedStep(node: CompiledNode, inputs: CostInputs): CostedStep | undefined {
  const channel = readPath(node.config, 'channel');
  const templateId = readPath(node.config, 'templateId');
  if (typeof channel !== 'string' || typeof templateId !== 'string') return undefined;
  const own = readPath(node.config, 'category');
  const category =
    inputs.templateCategory?.(templateId, channel) ?? (typeof own === 'string' ? own : 'utility');
  return {
    nodeId: node.id,
    channel,
    templateId,
    category,
    priceMillipaise: inputs.price(channel, category),
  };
}

/** Default shares of a node's ports: random cohort arms by percent; a failure port 0; else even. */
function defaultShares(node: CompiledNode): Record<string, number> {
  const ports = Object.keys(node.next);
  const arms = readPath(node.config, 'arms');
  if (node.type === 'audience.cohort_split' && readPath(node.config, 'mode') === 'random') {
    const shares: Record<string, number> = {};
    for (const arm of Array.isArray(arms) ? arms : []) {
      const id = readPath(arm, 'id');
      const percent = readPath(arm, 'percent');
      if (typeof id === 'string' && typeof percent === 'number') shares[id] = percent;
    }
    const holdout = readPath(node.config, 'holdoutPercent');
    if (typeof holdout === 'number') shares.holdout = holdout;
    return shares;
  }
  const failure = node.activity?.failurePort;
  const normal = ports.filter((p) => p !== failure);
  return Object.fromEntries(normal.map((p) => [p, 1]));
}

/** Shares normalised over the ports that lead somewhere; even when nothing is known. */
function normalisedShares(node: CompiledNode, raw: Record<string, number>): [string, number][] {
  const ports = Object.keys(node.next);
  const total = ports.reduce((sum, p) => sum + Math.max(0, raw[p] ?? 0), 0);
  if (total <= 0) return ports.map((p) => [p, 1 / ports.length]);
  return ports.map((p) => [p, Math.max(0, raw[p] ?? 0) / total]);
}

/**
 * Messaging cost per customer: the typical path (cohort arms weighted by their percentages,
 * other branches evenly (conditions 50/50, a wait's event or timeout 50/50), a step's failure
 * port never) and
 * the worst path (the most expensive branch everywhere). A loop is counted once, goals are
 * ignored (a customer who converts early costs less).
 * @example
 * const { typicalMillipaise, worstMillipaise } = estimateMessagingCost(ir, { price: () => 11_500 });
 */
export function estimateMessagingCost(ir: CompiledJourney, inputs: CostInputs): CostEstimate {
  const steps = new Map<string, CostedStep>();
  for (const node of Object.values(ir.nodes)) {
    const step = costedStep(node, inputs);
    if (step) steps.set(node.id, step);
  }
  type Figures = { typical: number; worst: number; typicalN: number; worstN: number };
  const zero: Figures = { typical: 0, worst: 0, typicalN: 0, worstN: 0 };
  const memo = new Map<string, Figures>();
  const onPath = new Set<string>();
  const walk = (id: string): Figures => {
    const node = ir.nodes[id];
    const cached = memo.get(id);
    if (cached) return cached;
    if (!node || onPath.has(id)) return zero;
    onPath.add(id);
    const shares = normalisedShares(node, defaultShares(node));
    const after = { ...zero };
    for (const [port, share] of shares) {
      const next = walk(node.next[port] ?? '');
      after.typical += share * next.typical;
      after.typicalN += share * next.typicalN;
      after.worst = Math.max(after.worst, next.worst);
      after.worstN = Math.max(after.worstN, next.worstN);
    }
    onPath.delete(id);
    const step = steps.get(id);
    const own = step ? (step.priceMillipaise ?? 0) : 0;
    const sent = step ? 1 : 0;
    const result = {
      typical: after.typical + own,
      worst: after.worst + own,
      typicalN: after.typicalN + sent,
      worstN: after.worstN + sent,
    };
    memo.set(id, result);
    return result;
  };
  const top = walk(ir.trigger.nodeId);
  return {
    typicalMillipaise: Math.round(top.typical),
    worstMillipaise: top.worst,
    typicalMessages: top.typicalN,
    worstMessages: top.worstN,
    steps: [...steps.values()],
  };
}

/**
 * Thousandths of a paisa as rupees, to the paisa: 11_500 → "₹0.12", 1_190_000 → "₹11.90".
 * @example formatMillipaise(96_000) // '₹0.96'
 */
export function formatMillipaise(millipaise: number): string {
  return `₹${(millipaise / 100_000).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
