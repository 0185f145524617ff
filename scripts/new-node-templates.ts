// The files `npm run new-node` writes: a working action node and its unit test. Kept plain so
// a new author can read them top to bottom; the guide (docs/authoring-nodes.md) explains each part.

export interface NodeNames {
  /** `acme/tag-customer` as typed. */
  spec: string;
  category: string;
  name: string;
  /** `acme.tag_customer` */
  type: string;
  /** `Tag customer` */
  title: string;
  /** `acmeTagCustomer`: the import name in the registry line. */
  ident: string;
  /** Palette category: the built-in one, else `custom`. */
  paletteCategory: string;
  icon: string;
  /** Where the node file imports defineNode / z and the test imports runNode from. */
  contractImport: string;
  testingImport: string;
}

export function nodeFile(n: NodeNames): string {
  const imports =
    n.contractImport === '@yatra/nodes'
      ? `import { defineNode, z } from '@yatra/nodes';`
      : `import { z } from 'zod';\nimport { defineNode } from '${n.contractImport}';`;
  return `${imports}

/**
 * ${n.title}: say here what the step does for a marketer.
 * Scaffolded by \`npm run new-node -- ${n.spec}\`; docs/authoring-nodes.md explains each part.
 */
export default defineNode({
  type: '${n.type}',
  version: 1,
  title: '${n.title}',
  category: '${n.paletteCategory}',
  icon: '${n.icon}',
  description: '${n.title}: one sentence the palette shows.',
  kind: 'action',
  ports: ['next'],
  config: z.object({
    note: z
      .string()
      .min(1)
      .describe('A template over the run facts, e.g. Hello {{customer.name}}'),
  }),
  example: { note: 'Hello {{customer.name}}' },
  retry: { maximumAttempts: 3 },
  async run(ctx, config) {
    // Services arrive on ctx (ctx.http, ctx.channels, ctx.secrets…); import no server module.
    const note = ctx.render(config.note);
    ctx.logger.info(note);
    return { port: 'next', output: { note } };
  },
});
`;
}

export function testFile(n: NodeNames, nodeFileName: string): string {
  return `import { describe, expect, it } from 'vitest';
import { runNode } from '${n.testingImport}';
import node from './${nodeFileName}';

describe('${n.type}', () => {
  it('renders the note from the run facts and takes next', async () => {
    const result = await runNode(node, node.example, { ctx: { customer: { name: 'Asha' } } });
    expect(result).toMatchObject({ port: 'next', output: { note: 'Hello Asha' }, attempts: 1 });
    expect(result.record.logs.map((l) => l.message)).toEqual(['Hello Asha']);
  });

  it('refuses an empty note, as the worker would', async () => {
    await expect(runNode(node, { note: '' })).rejects.toThrow(/Config of ${n.type.replace('.', '\\.')} is invalid: note: /);
  });
});
`;
}
