// The errors a node author meets, each naming the node type, its file and what to change.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compile } from '../journey/compile';
import type { JourneyDocumentInput } from '../journey/document';
import { simulate } from '../engine/simulate';
import { builtinNodes, createRegistry, registryFromConfig } from '../registry';
import { runNode } from '../testing/run-node';
import { defineNode } from './define-node';
import { isNonRetryable } from './node-errors';

const THIS_FILE = 'nodes/src/contract/author-errors.test.ts';

const base = {
  version: 1,
  title: 'Tag',
  category: 'custom' as const,
  icon: '🏷',
  description: 'test',
  config: z.object({ tag: z.string().min(2) }),
  example: { tag: 'vip' },
};
const tagNode = (type = 'acme.tag', port = 'next') =>
  defineNode({
    ...base,
    type,
    kind: 'action',
    ports: ['next', 'skipped'],
    // The bug under test: a port outside `ports` (typed loosely on purpose).
    run: async () => ({ port: port as 'next' }),
  });

const journey = (type: string, config: unknown): JourneyDocumentInput => ({
  name: 'tagging',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
    { id: 'tag', type, config },
    { id: 'end', type: 'flow.exit' },
  ],
  edges: [
    { source: 'start', target: 'tag' },
    { source: 'tag', sourcePort: 'next', target: 'end' },
    { source: 'tag', sourcePort: 'skipped', target: 'end' },
  ],
});

describe('author errors', () => {
  it('records the file that defined a node', () => {
    expect(tagNode().definedAt).toBe(THIS_FILE);
  });

  it('a duplicate type id and version names both files and the fix', () => {
    const make = () => createRegistry([...builtinNodes, tagNode(), tagNode()]);
    expect(make).toThrow(
      `Duplicate node type "acme.tag" version 1, in ${THIS_FILE} and in ${THIS_FILE}: give the ` +
        'new node another `type` id, or bump `version` if it is a new version of the same type.',
    );
    expect(() =>
      createRegistry([...builtinNodes, { ...tagNode('message.send'), definedAt: 'x.node.ts' }]),
    ).toThrow(
      /Duplicate node type "message\.send" version 1, in .*send\.node\.ts and in x\.node\.ts/,
    );
    // The same definition listed twice (config and a test) is kept once, not an error.
    const one = tagNode();
    expect(createRegistry([one, one]).all()).toEqual([one]);
  });

  it('a port run() does not declare fails the step at once, naming node, port and ports', async () => {
    const node = tagNode('acme.tag', 'done');
    const error = await runNode(node, { tag: 'vip' }, { ctx: { nodeId: 'tag-1' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `Node type "acme.tag" (${THIS_FILE}) returned port "done" at node "tag-1", which it does ` +
        'not declare. Declared ports: next, skipped. Return one of them from run(), or add it ' +
        "to `ports` in the node's file.",
    );
    expect(isNonRetryable(error)).toBe(true); // the worker does not retry it
  });

  it('the simulator reports an undeclared port the same way', async () => {
    const node = tagNode('acme.tag', 'done');
    const registry = createRegistry([...builtinNodes, node]);
    const result = compile(journey('acme.tag', { tag: 'vip' }), registry);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await expect(
      simulate(
        result.ir,
        {
          customer: { id: 'c1', language: 'en', timeZone: 'Asia/Kolkata', attributes: {} },
          entryEvent: { type: 'order.placed', properties: {} },
        },
        registry,
      ),
    ).rejects.toThrow(/returned port "done" at node "tag".*Declared ports: next, skipped/);
  });

  it('a config failing its schema is refused at publish on the node, with path and message', () => {
    const registry = createRegistry([...builtinNodes, tagNode()]);
    const result = compile(journey('acme.tag', { tag: 'x' }), registry);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        code: 'config_invalid',
        nodeId: 'tag',
        path: 'tag',
        message: 'Tag: tag: Too small: expected string to have >=2 characters',
      },
    ]);
  });

  it('declarations that cannot work are refused when the file loads', () => {
    const declare = (patch: Record<string, unknown>) => () =>
      defineNode({
        ...base,
        type: 'acme.tag',
        kind: 'action',
        ports: ['next'],
        run: async () => ({ port: 'next' }),
        ...patch,
      });
    expect(declare({ type: 'Tag' })).toThrow(
      `Node type "Tag" (${THIS_FILE}) has an invalid type id: use lower-case dotted segments, e.g. "acme.send_coupon".`,
    );
    expect(declare({ version: 0 })).toThrow(/has version 0: use a whole number from 1/);
    expect(declare({ example: { tag: 1 } })).toThrow(
      /has an example that fails its own config schema \(tag: Invalid input: expected string, received number\): fix `example`/,
    );
    expect(declare({ failurePort: 'oops' })).toThrow(
      /declares failurePort "oops", which is not one of its ports \(next\): add it to `ports`/,
    );
  });

  it('a custom control node in yatra.config is refused with the reason', () => {
    const control = defineNode({
      ...base,
      type: 'acme.hold',
      kind: 'control',
      ports: ['next'],
      evaluate: () => ({ port: 'next' }),
    });
    expect(() => registryFromConfig({ nodes: [control] })).toThrow(
      `Node type "acme.hold" (${THIS_FILE}) is a control node: custom nodes must be \`kind: 'action'\``,
    );
  });
});
