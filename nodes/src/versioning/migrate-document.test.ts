import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, type NodeDefinition } from '../contract/define-node';
import { compile } from '../journey/compile';
import { journeyDocumentSchema, type JourneyDocumentInput } from '../journey/document';
import { builtinNodes, createRegistry } from '../registry';
import { migrateDocument } from './migrate-document';

// v1 stored one `text`; v2 splits it into `greeting` + `emoji` and says how to get there.
const greetV1 = defineNode({
  type: 'test.greet',
  version: 1,
  title: 'Greet',
  category: 'custom',
  icon: '👋',
  description: 'v1',
  kind: 'action',
  ports: ['next'],
  config: z.object({ text: z.string().min(1) }),
  example: { text: 'Hi' },
  run: async () => ({ port: 'next' }),
});
const greetV2 = defineNode({
  ...greetV1,
  version: 2,
  description: 'v2',
  kind: 'action',
  ports: ['next'],
  config: z.object({ greeting: z.string().min(1), emoji: z.string().default('🙏') }),
  example: { greeting: 'Hi' },
  migrate: (old) => ({ greeting: z.object({ text: z.string() }).parse(old).text }),
  run: async () => ({ port: 'next' }),
});

const draft = (node: JourneyDocumentInput['nodes'][number]) =>
  journeyDocumentSchema.parse({
    name: 'greet',
    nodes: [
      { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
      node,
      { id: 'end', type: 'flow.exit' },
    ],
    edges: [
      { source: 'start', target: 'greet' },
      { source: 'greet', target: 'end' },
    ],
  });

const registryOf = (...nodes: NodeDefinition[]) => createRegistry([...builtinNodes, ...nodes]);

describe('migrateDocument', () => {
  it('upgrades a v1 config through v2.migrate, and the result compiles on v2', () => {
    const registry = registryOf(greetV1, greetV2);
    const doc = draft({ id: 'greet', type: 'test.greet', version: 1, config: { text: 'Namaste' } });
    expect(compile(doc, registry).ok).toBe(true); // v1 stays registered: the old draft compiles

    const { document, migrated, problems } = migrateDocument(doc, registry);

    expect(migrated).toEqual([{ nodeId: 'greet', type: 'test.greet', from: 1, to: 2 }]);
    expect(problems).toEqual([]);
    expect(document.nodes[1]).toMatchObject({ version: 2, config: { greeting: 'Namaste' } });
    expect(doc.nodes[1]).toMatchObject({ version: 1, config: { text: 'Namaste' } }); // not mutated
    const result = compile(document, registry);
    expect(result.ok && result.ir.nodes.greet?.typeVersion).toBe(2);
  });

  it('leaves nodes on the newest version, and nodes without a version, untouched', () => {
    const registry = registryOf(greetV1, greetV2);
    for (const node of [
      { id: 'greet', type: 'test.greet', version: 2, config: { greeting: 'Hi' } },
      { id: 'greet', type: 'test.greet', config: { greeting: 'Hi' } },
    ]) {
      const doc = draft(node);
      const out = migrateDocument(doc, registry);
      expect(out).toEqual({ document: doc, migrated: [], problems: [] });
      expect(out.document).toBe(doc);
    }
  });

  it('keeps a node on its old version and says why when the new version has no migrate()', () => {
    const { migrate: _, ...noMigrate } = greetV2;
    const registry = registryOf(greetV1, noMigrate);
    const doc = draft({ id: 'greet', type: 'test.greet', version: 1, config: { text: 'Hi' } });
    const out = migrateDocument(doc, registry);
    expect(out.document).toBe(doc);
    expect(out.problems).toEqual([
      {
        nodeId: 'greet',
        type: 'test.greet',
        from: 1,
        to: 2,
        message: 'test.greet v2 declares no migrate() for v1.',
      },
    ]);
  });

  it('refuses a migration that throws or returns a config the new schema rejects', () => {
    const throwing = {
      ...greetV2,
      migrate: () => {
        throw new Error('no text');
      },
    };
    const invalid = { ...greetV2, migrate: () => ({ greeting: '' }) };
    const doc = draft({ id: 'greet', type: 'test.greet', version: 1, config: { text: 'Hi' } });

    expect(migrateDocument(doc, registryOf(greetV1, throwing)).problems[0]?.message).toBe(
      'migrate() threw: no text',
    );
    expect(migrateDocument(doc, registryOf(greetV1, invalid)).problems[0]?.message).toMatch(
      /^migrate\(\) returned a config v2 refuses \(greeting: /,
    );
  });
});
