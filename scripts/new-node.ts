// `npm run new-node -- <category>/<name>`: scaffolds an action node type, its unit test and the
// line that registers it, so the node compiles, lints, passes its test and shows in the palette.
//   built-in category (trigger, flow, audience, message, media, loyalty):
//     nodes/src/builtins/<category>/<name>.node.ts, registered in nodes/src/registry.ts
//   any other category (your brand's namespace, e.g. acme):
//     nodes/src/custom/<category>/<name>.node.ts, registered in yatra.config.ts
// `--root <dir>` scaffolds into another checkout (the test uses a temporary copy).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from './lib/paths';
import { nodeFile, testFile, type NodeNames } from './new-node-templates';

const BUILTIN_CATEGORIES: Record<string, string> = {
  trigger: '⚡',
  flow: '🔀',
  audience: '👥',
  message: '💬',
  media: '🎞️',
  loyalty: '⭐',
};
const SEGMENT = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const USAGE = 'Usage: npm run new-node -- <category>/<name>   e.g. acme/tag-customer';

/** A mistake in the command line; printed without a stack. */
export class NewNodeError extends Error {}

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Names everything from `<category>/<name>`, or explains what is wrong with it.
 * @example namesFor('acme/tag-customer').type // 'acme.tag_customer'
 */
export function namesFor(spec: string): NodeNames {
  const parts = spec.split('/');
  const [category = '', name = ''] = parts;
  if (parts.length !== 2 || !category || !name)
    throw new NewNodeError(`Expected <category>/<name>, got "${spec}". ${USAGE}`);
  for (const [what, value] of [
    ['category', category],
    ['name', name],
  ] as const) {
    if (!SEGMENT.test(value))
      throw new NewNodeError(
        `Bad ${what} "${value}": use lower-case letters, digits and single dashes, starting with a letter (e.g. tag-customer).`,
      );
  }
  const builtin = category in BUILTIN_CATEGORIES;
  const words = name.split('-').join(' ');
  return {
    spec,
    category,
    name,
    type: `${category.replace(/-/g, '_')}.${name.replace(/-/g, '_')}`,
    title: words.charAt(0).toUpperCase() + words.slice(1),
    ident: camel(`${category}-${name}`),
    paletteCategory: builtin ? category : 'custom',
    icon: BUILTIN_CATEGORIES[category] ?? '🧩',
    contractImport: builtin ? '../../contract/define-node' : '@yatra/nodes',
    testingImport: builtin ? '../../testing' : '@yatra/nodes/testing',
  };
}

/** What was written, repo-relative. */
export interface Scaffolded {
  type: string;
  nodeFile: string;
  testFile: string;
  registeredIn: string;
}

/**
 * Writes the node file, its test and the registry line under `root`.
 * @example await scaffoldNode('acme/tag-customer', { root: '/tmp/copy' })
 */
export async function scaffoldNode(
  spec: string,
  options: { root?: string } = {},
): Promise<Scaffolded> {
  const root = options.root ?? repoRoot;
  const names = namesFor(spec);
  const builtin = names.paletteCategory !== 'custom';
  const dir = path.join('nodes', 'src', builtin ? 'builtins' : 'custom', names.category);
  const nodeRel = path.join(dir, `${names.name}.node.ts`);
  const testRel = path.join(dir, `${names.name}.node.test.ts`);
  const registryRel = builtin ? path.join('nodes', 'src', 'registry.ts') : 'yatra.config.ts';
  if (existsSync(path.join(root, nodeRel)))
    throw new NewNodeError(`${nodeRel} already exists: pick another name, or edit that file.`);
  await refuseTakenType(root, names.type);
  const registry = readFileSync(path.join(root, registryRel), 'utf8');
  if (new RegExp(`\\b${names.ident}\\b`).test(registry))
    throw new NewNodeError(
      `${registryRel} already uses the name ${names.ident}: pick another node name.`,
    );

  mkdirSync(path.join(root, dir), { recursive: true });
  await writeFormatted(path.join(root, nodeRel), nodeFile(names));
  await writeFormatted(path.join(root, testRel), testFile(names, `${names.name}.node.ts`));
  const importPath = builtin
    ? `./builtins/${names.category}/${names.name}.node.ts`
    : `./nodes/src/custom/${names.category}/${names.name}.node.ts`;
  writeFileSync(
    path.join(root, registryRel),
    builtin
      ? addToBuiltins(registry, names.ident, importPath)
      : addToConfig(registry, names.ident, importPath),
  );
  return { type: names.type, nodeFile: nodeRel, testFile: testRel, registeredIn: registryRel };
}

/** Refuses a type id some registered node (built-in or from yatra.config.ts) already has. */
async function refuseTakenType(root: string, type: string): Promise<void> {
  const configFile = path.join(root, 'yatra.config.ts');
  const nodes = await import(pathToFileURL(path.join(root, 'nodes/src/index.ts')).href);
  const config = existsSync(configFile)
    ? (await import(pathToFileURL(configFile).href)).default
    : { nodes: [] };
  const taken = nodes.registryFromConfig(config).get(type);
  if (taken)
    throw new NewNodeError(
      `Node type "${type}" already exists${taken.definedAt ? ` (${taken.definedAt})` : ''}: pick another name.`,
    );
}

async function writeFormatted(file: string, text: string): Promise<void> {
  const config = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...config, filepath: file }));
}

function addToBuiltins(source: string, ident: string, importPath: string): string {
  const lines = source.split('\n');
  const lastImport = lines.findLastIndex(
    (l) => l.startsWith('import ') && l.includes("from './builtins/"),
  );
  const arrayStart = lines.findIndex((l) => l.startsWith('export const builtinNodes'));
  const arrayEnd = lines.findIndex((l, i) => i > arrayStart && l.startsWith('];'));
  if (lastImport < 0 || arrayStart < 0 || arrayEnd < 0)
    throw new NewNodeError('nodes/src/registry.ts has no builtinNodes array to add the node to.');
  lines.splice(arrayEnd, 0, `  ${ident},`);
  lines.splice(lastImport + 1, 0, `import ${ident} from '${importPath}';`);
  return lines.join('\n');
}

function addToConfig(source: string, ident: string, importPath: string): string {
  const lines = source.split('\n');
  const lastImport = lines.findLastIndex((l) => l.startsWith('import '));
  const marker = lines.findIndex((l) => l.includes('npm run new-node'));
  const arrayEnd = lines.findIndex((l) => /^\s*\],?$/.test(l));
  const at = marker >= 0 && marker > lastImport + 1 ? marker + 1 : arrayEnd;
  if (lastImport < 0 || at < 0)
    throw new NewNodeError('yatra.config.ts has no `nodes: [ … ]` list to add the node to.');
  lines.splice(at, 0, `    ${ident},`);
  lines.splice(lastImport + 1, 0, `import ${ident} from '${importPath}';`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(argv[rootAt + 1] ?? '.') : repoRoot;
  const specs = argv.filter((a, i) => !a.startsWith('--') && !(rootAt >= 0 && i === rootAt + 1));
  if (specs.length !== 1 || !specs[0]) throw new NewNodeError(USAGE);
  const done = await scaffoldNode(specs[0], { root });
  process.stdout.write(
    [
      `Created node type ${done.type}:`,
      `  ${done.nodeFile}`,
      `  ${done.testFile}`,
      `  registered in ${done.registeredIn}`,
      '',
      'Next: edit the config, ports and run(); then',
      `  npx vitest run --project unit ${done.testFile}`,
      '  and find it in the canvas palette (npm start). Guide: docs/authoring-nodes.md',
      '',
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const known = error instanceof NewNodeError;
    process.stderr.write(`new-node: ${known ? error.message : String(error)}\n`);
    if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}
