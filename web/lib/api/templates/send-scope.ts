import type { JourneyDocument } from '@yatra/nodes';
import type { PathScope } from './fact-paths';

/** Node ids reachable from `start` along `next`, never entering `removed`. */
function reach(
  start: string,
  next: ReadonlyMap<string, readonly string[]>,
  removed?: string,
): Set<string> {
  const seen = new Set<string>();
  const stack = start === removed ? [] : [start];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next.get(id) ?? []) if (n !== removed && !seen.has(n)) stack.push(n);
  }
  return seen;
}

function adjacency(doc: JourneyDocument, reverse: boolean): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of doc.edges) {
    const [from, to] = reverse ? [e.target, e.source] : [e.source, e.target];
    map.set(from, [...(map.get(from) ?? []), to]);
  }
  return map;
}

/**
 * The immediate dominator of every node reachable from `root` (Cooper, Harvey & Kennedy, "A
 * Simple, Fast Dominance Algorithm"): one pass over the graph per round, a few rounds.
 */
function immediateDominators(
  root: string,
  forward: ReadonlyMap<string, readonly string[]>,
  backward: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  // Reverse postorder from the root, iteratively (journeys can be deep).
  const order: string[] = [];
  const seen = new Set<string>([root]);
  const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const next = forward.get(top.id) ?? [];
    if (top.i < next.length) {
      const child = next[top.i++]!;
      if (!seen.has(child)) {
        seen.add(child);
        stack.push({ id: child, i: 0 });
      }
    } else {
      order.push(top.id);
      stack.pop();
    }
  }
  order.reverse();
  const rank = new Map(order.map((id, i) => [id, i]));
  const idom = new Map<string, string>([[root, root]]);
  const intersect = (a: string, b: string) => {
    while (a !== b) {
      while (rank.get(a)! > rank.get(b)!) a = idom.get(a)!;
      while (rank.get(b)! > rank.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const id of order) {
      if (id === root) continue;
      let candidate: string | undefined;
      for (const pred of backward.get(id) ?? []) {
        if (!idom.has(pred)) continue;
        candidate = candidate === undefined ? pred : intersect(pred, candidate);
      }
      if (candidate !== undefined && idom.get(id) !== candidate) {
        idom.set(id, candidate);
        changed = true;
      }
    }
  }
  return idom;
}

/**
 * What each step can read from earlier steps: those on every path from the trigger to it
 * (dominators: removing one cuts the step off) and those on some path (ancestors). The dominator
 * tree is built once, so checking every send step of a 500-step journey stays linear-ish.
 * @example scopeOf(doc, 'start', (type) => type === 'loyalty.balance')('send').alwaysActions
 */
export function scopeOf(
  doc: JourneyDocument,
  triggerId: string | undefined,
  isAction: (type: string) => boolean,
): (nodeId: string) => PathScope {
  const forward = adjacency(doc, false);
  const backward = adjacency(doc, true);
  const typeOf = new Map(doc.nodes.map((n) => [n.id, n.type]));
  let idom: Map<string, string> | undefined;
  /** Strict dominators of `nodeId`; every ancestor when the trigger cannot reach it. */
  const dominatorsOf = (nodeId: string, ancestors: Set<string>): Set<string> => {
    if (triggerId === undefined) return new Set();
    idom ??= immediateDominators(triggerId, forward, backward);
    if (!idom.has(nodeId)) return ancestors;
    const found = new Set<string>();
    for (let id = nodeId; id !== triggerId;) {
      id = idom.get(id)!;
      found.add(id);
    }
    return found;
  };
  return (nodeId) => {
    const ancestors = reach(nodeId, backward);
    ancestors.delete(nodeId);
    const always = dominatorsOf(nodeId, ancestors);
    const actions = (ids: Iterable<string>) =>
      new Set([...ids].filter((id) => isAction(typeOf.get(id) ?? '')));
    const isEventWait = (id: string) => typeOf.get(id) === 'flow.wait_for_event';
    return {
      alwaysActions: actions(always),
      sometimesActions: actions(ancestors),
      eventWait: [...always].some(isEventWait)
        ? 'always'
        : [...ancestors].some(isEventWait)
          ? 'sometimes'
          : 'never',
    };
  };
}
