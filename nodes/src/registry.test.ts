import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { defineNode, type NodeDefinition } from './contract/define-node';
import { compile } from './journey/compile';
import type { JourneyDocumentInput } from './journey/document';
import { builtinNodes, createRegistry, defaultRegistry } from './registry';

const fakeNode = (type: string, version: number): NodeDefinition =>
  defineNode({
    type,
    version,
    title: `${type} v${version}`,
    category: 'custom',
    icon: '🧪',
    description: 'test node',
    kind: 'control',
    ports: ['next'],
    config: z.object({}),
    example: {},
    evaluate: () => ({ port: 'next' }),
  });

/** trigger → node (its example config) → one exit per port. */
function journeyAround(def: NodeDefinition): JourneyDocumentInput {
  const trigger = builtinNodes.find((n) => n.role === 'entry');
  if (!trigger) throw new Error('no built-in trigger');
  if (def.role === 'entry') {
    return {
      name: `only ${def.type}`,
      nodes: [
        { id: 'start', type: def.type, config: def.example },
        { id: 'end', type: 'flow.exit', config: {} },
      ],
      edges: def
        .portsFor(def.example)
        .map((port) => ({ source: 'start', sourcePort: port, target: 'end' })),
    };
  }
  const ports = def.portsFor(def.example);
  return {
    name: `around ${def.type}`,
    nodes: [
      { id: 'start', type: trigger.type, config: trigger.example },
      { id: 'subject', type: def.type, version: def.version, config: def.example },
      ...ports.map((port) => ({ id: `exit_${port}`, type: 'flow.exit', config: { reason: port } })),
    ],
    edges: [
      { source: 'start', sourcePort: 'next', target: 'subject' },
      ...ports.map((port) => ({ source: 'subject', sourcePort: port, target: `exit_${port}` })),
    ],
  };
}

describe('builtinNodes', () => {
  it('registers each (type, version) once', () => {
    const keys = builtinNodes.map((n) => `${n.type}@${n.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes the built-ins the playbook needs', () => {
    expect(builtinNodes.map((n) => n.type).sort()).toEqual([
      'audience.cohort_split',
      'flow.condition',
      'flow.exit',
      'flow.wait',
      'flow.wait_for_event',
      'loyalty.balance_check',
      'loyalty.earn_bonus',
      'loyalty.enroll',
      'loyalty.points_expiring',
      'loyalty.redeem',
      'loyalty.tier_branch',
      'loyalty.tier_progress',
      'media.render_video',
      'message.send',
      'trigger.event',
    ]);
  });

  it('declares action nodes with run and control nodes with evaluate', () => {
    for (const def of builtinNodes) {
      if (def.kind === 'action') expect(typeof def.run, def.type).toBe('function');
      else expect(typeof def.evaluate, def.type).toBe('function');
    }
  });

  it('has exactly one entry node type and an exit node type', () => {
    expect(builtinNodes.filter((n) => n.role === 'entry').map((n) => n.type)).toEqual([
      'trigger.event',
    ]);
    expect(builtinNodes.filter((n) => n.role === 'exit').map((n) => n.type)).toEqual(['flow.exit']);
  });

  it.each(builtinNodes.map((n) => [n.type, n] as const))(
    '%s: example parses with its own schema',
    (_type, def) => {
      const parsed = def.config.safeParse(def.example);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    },
  );

  it.each(builtinNodes.map((n) => [n.type, n] as const))(
    '%s: a journey around its example compiles with every port wired',
    (_type, def) => {
      const result = compile(journeyAround(def));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const compiled = Object.values(result.ir.nodes).find((n) => n.type === def.type);
      expect(compiled?.typeVersion).toBe(def.version);
      expect(Object.keys(compiled?.next ?? {}).sort()).toEqual(
        [...def.portsFor(def.example)].sort(),
      );
    },
  );
});

describe('createRegistry', () => {
  it('throws a clear error naming a duplicated type and version', () => {
    expect(() => createRegistry([...builtinNodes, fakeNode('message.send', 1)])).toThrow(
      /Duplicate node type "message\.send" version 1/,
    );
  });

  it('allows several versions of one type and returns the newest by default', () => {
    const v1 = fakeNode('custom.hello', 1);
    const v3 = fakeNode('custom.hello', 3);
    const v2 = fakeNode('custom.hello', 2);
    const registry = createRegistry([v1, v3, v2]);
    expect(registry.get('custom.hello')).toBe(v3);
    expect(registry.get('custom.hello', 1)).toBe(v1);
    expect(registry.get('custom.hello', 2)).toBe(v2);
    expect(registry.get('custom.hello', 4)).toBeUndefined();
    expect(registry.get('custom.nope')).toBeUndefined();
    expect(registry.all()).toEqual([v1, v3, v2]);
  });

  it('the default registry serves every built-in', () => {
    for (const def of builtinNodes) {
      expect(defaultRegistry.get(def.type)).toBe(def);
      expect(defaultRegistry.get(def.type, def.version)).toBe(def);
    }
    expect(defaultRegistry.all()).toHaveLength(builtinNodes.length);
  });

  it('a custom node added to a registry compiles into a journey', () => {
    const registry = createRegistry([...builtinNodes, fakeNode('custom.hello', 1)]);
    const doc: JourneyDocumentInput = {
      name: 'custom',
      nodes: [
        { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
        { id: 'hello', type: 'custom.hello', config: {} },
        { id: 'end', type: 'flow.exit' },
      ],
      edges: [
        { source: 'start', target: 'hello' },
        { source: 'hello', target: 'end' },
      ],
    };
    expect(compile(doc, registry).ok).toBe(true);
    expect(compile(doc).errors).toContainEqual(
      expect.objectContaining({ code: 'unknown_type', nodeId: 'hello' }),
    );
  });
});

describe('builtinControls (the zod-free control lookup the workflow uses)', () => {
  it('evaluates every built-in control node exactly as its definition does', async () => {
    const { builtinControls } = await import('./engine/control-nodes');
    const { builtinNodes } = await import('./registry');
    const controls = builtinNodes.filter((n) => n.kind === 'control');
    expect(controls.length).toBeGreaterThan(0);
    for (const def of controls) {
      const lookup = builtinControls.get(def.type, def.version);
      expect(lookup?.evaluate, `${def.type}@${def.version}`).toBeTypeOf('function');
      expect(lookup?.evaluate).not.toBe(def.evaluate);
    }
    for (const def of builtinNodes.filter((n) => n.kind === 'action')) {
      expect(builtinControls.get(def.type, def.version)).toBeUndefined();
    }
  });
});
