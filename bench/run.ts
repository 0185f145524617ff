// `npm run bench -- <name> [args]`: runs bench/<name>.ts, whose `run(args)` prints a table for
// people and, as its last line, one JSON object of its figures for machines. Benches report;
// they do not assert.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeError } from '../scripts/lib/errors';

interface BenchModule {
  run(args: string[]): Promise<void>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Every bench: a `<name>.ts` file next to this one that is not this dispatcher. */
function availableBenches(): string[] {
  return readdirSync(benchDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        entry.name !== 'run.ts' &&
        !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => entry.name.slice(0, -'.ts'.length))
    .sort();
}

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'run') === 'function'
  );
}

function usage(benches: string[]): string {
  return [
    'Usage: npm run bench -- <name> [args]',
    '',
    'Benches:',
    ...benches.map((name) => `  ${name}`),
    '',
    'Example: npm run bench -- engine --customers 200 --rounds 3',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const benches = availableBenches();
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage(benches));
    return name === undefined ? 1 : 0;
  }
  if (!benches.includes(name)) {
    console.error(`Unknown bench "${name}".\n\n${usage(benches)}`);
    return 1;
  }
  const mod: unknown = await import(pathToFileURL(path.join(benchDir, `${name}.ts`)).href);
  if (!isBenchModule(mod)) {
    console.error(`bench/${name}.ts does not export \`async function run(args: string[])\`.`);
    return 1;
  }
  await mod.run(args);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(describeError(error));
  process.exitCode = 1;
}
