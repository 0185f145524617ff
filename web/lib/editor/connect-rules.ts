// Which new edges make sense. React Flow asks while the user drags a connection (to colour the
// handle) and the editor asks again on release to say why an edge was refused.
import type { EditorNodeType, JourneyDocument } from './types';

export interface ConnectionAttempt {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
}

function reach(start: string, next: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
}

/**
 * Why an edge from `source`'s port to `target` is refused, or null when it is fine: no self
 * loops, nothing into the trigger, one edge per port, no loop without a step that waits.
 * @example connectionProblem(doc, types, { source: 'a', sourceHandle: 'next', target: 'a' }) // 'A step cannot lead to itself.'
 */
export function connectionProblem(
  doc: JourneyDocument,
  types: ReadonlyMap<string, EditorNodeType>,
  attempt: ConnectionAttempt,
): string | null {
  const { source, target } = attempt;
  const port = attempt.sourceHandle ?? null;
  if (!source || !target || !port) return 'Drag from an output port to a step.';
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const from = nodes.get(source);
  const to = nodes.get(target);
  if (!from || !to) return 'Notes are commentary; they do not connect to steps.';
  if (source === target) return 'A step cannot lead to itself.';
  const toType = types.get(to.type);
  if (toType?.role === 'entry') return 'Nothing can lead into the trigger: customers enter there.';
  const wired = doc.edges.find((e) => e.source === source && e.sourcePort === port);
  if (wired) {
    const other = nodes.get(wired.target);
    const name = other ? (other.label ?? other.id) : wired.target;
    return `Port "${port}" already leads to "${name}". Remove that connection first.`;
  }
  // A loop is fine when something on it waits; the compiler has the final word on timing.
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const e of doc.edges) {
    forward.set(e.source, [...(forward.get(e.source) ?? []), e.target]);
    backward.set(e.target, [...(backward.get(e.target) ?? []), e.source]);
  }
  const fromTarget = reach(target, forward);
  if (fromTarget.has(source)) {
    const toSource = reach(source, backward);
    const onLoop = [...fromTarget].filter((id) => toSource.has(id));
    const waits = onLoop.some((id) => {
      const node = nodes.get(id);
      return node ? (types.get(node.type)?.waits ?? true) : false;
    });
    if (!waits)
      return 'That makes a loop that never waits, so it would spin forever. Add a wait inside it.';
  }
  return null;
}
