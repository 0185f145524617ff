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
 * What each step can read from earlier steps: those on every path from the trigger to it
 * (dominators: removing one cuts the step off) and those on some path (ancestors).
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
  return (nodeId) => {
    const ancestors = reach(nodeId, backward);
    ancestors.delete(nodeId);
    const always = new Set(
      triggerId === undefined
        ? []
        : [...ancestors].filter((id) => !reach(triggerId, forward, id).has(nodeId)),
    );
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
