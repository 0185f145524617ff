import { readPath } from '../contract/predicates';
import type { CompiledNode, JourneyFacts } from './ir';

/**
 * Cycles made only of nodes that take no time (no wait inside): Tarjan's strongly connected
 * components over the graph without its waiting nodes. Each result lists one loop's node ids.
 */
export function findInstantLoops(
  nodes: Record<string, CompiledNode>,
  waits: (id: string) => boolean,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;
  const successors = (id: string) =>
    Object.values(nodes[id]?.next ?? {}).filter((n) => nodes[n] && !waits(n));

  const visit = (id: string) => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const next of successors(id)) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      const selfLoop = component.length === 1 && successors(id).includes(id);
      if (component.length > 1 || selfLoop) loops.push(component.reverse());
    }
  };
  for (const id of Object.keys(nodes)) if (!waits(id) && !index.has(id)) visit(id);
  return loops;
}

/**
 * Longest path and most messages on any path from the trigger. Back edges (loops, which always
 * wait) are walked once, so the figures describe one pass through each loop.
 */
export function computeFacts(
  nodes: Record<string, CompiledNode>,
  start: string,
  isMessage: (id: string) => boolean,
): JourneyFacts {
  const memo = new Map<string, { length: number; messages: number }>();
  const onPath = new Set<string>();
  const walk = (id: string): { length: number; messages: number } => {
    const cached = memo.get(id);
    if (cached) return cached;
    if (onPath.has(id)) return { length: 0, messages: 0 };
    onPath.add(id);
    let best = { length: 0, messages: 0 };
    for (const next of Object.values(nodes[id]?.next ?? {})) {
      const r = walk(next);
      best = {
        length: Math.max(best.length, r.length),
        messages: Math.max(best.messages, r.messages),
      };
    }
    onPath.delete(id);
    const result = { length: best.length + 1, messages: best.messages + (isMessage(id) ? 1 : 0) };
    memo.set(id, result);
    return result;
  };
  const top = walk(start);
  const byChannel: Record<string, number> = {};
  for (const node of Object.values(nodes)) {
    if (!isMessage(node.id)) continue;
    const channel = readPath(node.config, 'channel');
    const key = typeof channel === 'string' ? channel : 'other';
    byChannel[key] = (byChannel[key] ?? 0) + 1;
  }
  return {
    nodeCount: Object.keys(nodes).length,
    maxPathLength: top.length,
    maxMessagesPerCustomer: top.messages,
    messageNodesByChannel: byChannel,
  };
}
