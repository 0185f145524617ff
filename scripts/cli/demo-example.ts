// Writes examples/journeys/post-purchase-45.json from the demo in nodes/ (its single source).
// examples.test.ts fails when the file drifts; run `npx tsx scripts/cli/demo-example.ts` to refresh it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postPurchase45 } from '@yatra/nodes';

export const demoExampleFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'examples',
  'journeys',
  'post-purchase-45.json',
);

/** The demo journey as the example file holds it. */
export function demoExampleJson(): string {
  return `${JSON.stringify(postPurchase45, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(demoExampleFile, demoExampleJson());
  console.log(`wrote ${path.relative(process.cwd(), demoExampleFile)}`);
}
