// `npm run new-node` into a temporary copy of the repository (never the repo itself): the output
// type-checks, lints, is formatted, passes its own test under the repo's vitest config, and is in
// the registry the palette reads. Slow (tsc, eslint and vitest run as child processes), hence int.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, repoRoot } from './lib/paths';
import { NewNodeError, namesFor, scaffoldNode, type Scaffolded } from './new-node';

let copy: string;
let custom: Scaffolded;
let builtin: Scaffolded;

/** Runs a repo binary in the copy; returns its exit code and output. */
function run(name: string, args: string[]) {
  const result = spawnSync(bin(name), args, {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'yatra-new-node-'));
  cpSync(path.join(repoRoot, 'nodes'), path.join(copy, 'nodes'), { recursive: true });
  for (const file of [
    'yatra.config.ts',
    'tsconfig.base.json',
    'eslint.config.js',
    '.prettierrc.json',
    'vitest.config.ts',
  ])
    cpSync(path.join(repoRoot, file), path.join(copy, file));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
  writeFileSync(path.join(copy, 'package.json'), '{ "private": true, "type": "module" }\n');
  custom = await scaffoldNode('acme/tag-customer', { root: copy });
  builtin = await scaffoldNode('message/send-sms', { root: copy });
  // The copy's project: what was generated and edited (tsc follows their imports).
  const files = [custom.nodeFile, custom.testFile, builtin.nodeFile, builtin.testFile];
  writeFileSync(
    path.join(copy, 'tsconfig.json'),
    JSON.stringify({
      extends: './tsconfig.base.json',
      include: [...files, 'yatra.config.ts', 'nodes/src/registry.ts'],
    }),
  );
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run new-node', () => {
  it('writes a custom node to nodes/src/custom and registers it in yatra.config.ts', () => {
    expect(custom).toEqual({
      type: 'acme.tag_customer',
      nodeFile: 'nodes/src/custom/acme/tag-customer.node.ts',
      testFile: 'nodes/src/custom/acme/tag-customer.node.test.ts',
      registeredIn: 'yatra.config.ts',
    });
    const config = readFileSync(path.join(copy, 'yatra.config.ts'), 'utf8');
    expect(config).toContain(
      "import acmeTagCustomer from './nodes/src/custom/acme/tag-customer.node.ts';",
    );
    expect(config).toMatch(/\n {4}acmeTagCustomer,\n/);
    expect(builtin.registeredIn).toBe('nodes/src/registry.ts');
  });

  it('output type-checks', () => {
    const tsc = run('tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(tsc.output.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 240_000);

  it('output lints clean (type-aware, node-file import rules included) and is formatted', () => {
    const files = [
      custom.nodeFile,
      custom.testFile,
      builtin.nodeFile,
      builtin.testFile,
      'yatra.config.ts',
      'nodes/src/registry.ts',
    ];
    const eslint = run('eslint', ['--max-warnings', '0', ...files]);
    expect(eslint.output.trim()).toBe('');
    expect(eslint.code).toBe(0);
    const prettier = run('prettier', ['--check', ...files]);
    expect(prettier.code, prettier.output).toBe(0);
  }, 240_000);

  it('its generated tests pass under the repo vitest config', () => {
    const vitest = run('vitest', ['run', '--project', 'unit', custom.testFile, builtin.testFile]);
    expect(vitest.code, vitest.output).toBe(0);
    expect(vitest.output).toMatch(/Test Files\s+2 passed/);
    expect(vitest.output).toMatch(/Tests\s+4 passed/);
  }, 240_000);

  it('the registries the palette reads include the new types (in a fresh process)', () => {
    // As the web app builds its palette: registryFromConfig(yatra.config.ts) → latest → describeNode.
    writeFileSync(
      path.join(copy, 'palette-probe.ts'),
      [
        "import { describeNode, registryFromConfig } from '@yatra/nodes';",
        "import config from './yatra.config.ts';",
        "import { builtinNodes } from './nodes/src/registry.ts';",
        'const palette = registryFromConfig(config).latest().map(describeNode);',
        "const custom = palette.find((d) => d.type === 'acme.tag_customer');",
        'const builtins = builtinNodes.map((n) => n.type);',
        'console.log(JSON.stringify({ custom, builtins }));',
      ].join('\n'),
    );
    const probe = run('tsx', ['palette-probe.ts']);
    expect(probe.code, probe.output).toBe(0);
    const { custom: listed, builtins } = JSON.parse(probe.output.trim().split('\n')[0] ?? '{}');
    expect(listed).toMatchObject({ title: 'Tag customer', category: 'custom', ports: ['next'] });
    expect(builtins).toContain('message.send_sms');
  }, 120_000);

  it('refuses bad names, taken types and existing files with a clear error', async () => {
    await expect(scaffoldNode('acme/tag-customer', { root: copy })).rejects.toThrow(
      'nodes/src/custom/acme/tag-customer.node.ts already exists: pick another name, or edit that file.',
    );
    await expect(scaffoldNode('acme/webhook', { root: copy })).rejects.toThrow(
      'Node type "acme.webhook" already exists (custom-nodes/src/webhook.node.ts): pick another name.',
    );
    await expect(scaffoldNode('message/send', { root: copy })).rejects.toThrow(
      'nodes/src/builtins/message/send.node.ts already exists: pick another name, or edit that file.',
    );
    expect(() => namesFor('Acme/x')).toThrow(NewNodeError);
    expect(() => namesFor('acme/tag_customer')).toThrow(
      'Bad name "tag_customer": use lower-case letters, digits and single dashes, starting with a letter (e.g. tag-customer).',
    );
    expect(() => namesFor('acme')).toThrow(/Expected <category>\/<name>, got "acme"/);
  });
});
