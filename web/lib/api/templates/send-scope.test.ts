import type { JourneyDocument } from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import { scopeOf } from './send-scope';

/** A small deterministic PRNG, so a failure names a seed that reproduces it. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A random graph: a chain from the trigger plus random forward and backward (loop) edges. */
function randomDoc(seed: number, size: number): JourneyDocument {
  const random = prng(seed);
  const ids = Array.from({ length: size }, (_, i) => `n${i}`);
  const edges: { source: string; target: string }[] = [];
  for (let i = 1; i < size; i++) {
    edges.push({ source: ids[Math.floor(random() * i)]!, target: ids[i]! });
    if (random() < 0.5) edges.push({ source: ids[Math.floor(random() * size)]!, target: ids[i]! });
  }
  return {
    nodes: ids.map((id, i) => ({ id, type: i % 3 === 0 ? 'message.send' : 'flow.wait' })),
    edges,
  } as unknown as JourneyDocument;
}

/** The definition, by brute force: `d` dominates `n` when removing `d` cuts `n` off the trigger. */
function bruteDominators(doc: JourneyDocument, root: string, nodeId: string): string[] {
  const reachesWithout = (removed: string) => {
    const seen = new Set<string>();
    const stack = root === removed ? [] : [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const e of doc.edges) if (e.source === id && e.target !== removed) stack.push(e.target);
    }
    return seen.has(nodeId);
  };
  return doc.nodes.map((n) => n.id).filter((id) => id !== nodeId && !reachesWithout(id));
}

describe('scopeOf dominators', () => {
  it('agree with the brute-force definition on random graphs with loops', () => {
    const isAction = (type: string) => type === 'message.send';
    for (let seed = 1; seed <= 40; seed++) {
      const doc = randomDoc(seed, 12 + (seed % 9));
      const scope = scopeOf(doc, 'n0', isAction);
      for (const node of doc.nodes) {
        const expected = bruteDominators(doc, 'n0', node.id).filter((id) =>
          isAction(doc.nodes.find((n) => n.id === id)!.type),
        );
        expect([...scope(node.id).alwaysActions].sort(), `seed ${seed}, ${node.id}`).toEqual(
          expected.sort(),
        );
      }
    }
  });
});
