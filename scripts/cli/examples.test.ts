import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, postPurchase45 } from '@yatra/nodes';
import { demoExampleFile, demoExampleJson } from './demo-example';
import { readCustomerFile, readEventsFile } from './simulation-input';
import { repoRoot } from './run-cli';

const examples = path.join(repoRoot, 'examples');
const filesIn = (dir: string) =>
  readdirSync(path.join(examples, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(examples, dir, f));

describe('examples/', () => {
  it('post-purchase-45.json is the demo journey of nodes/ (refresh: npx tsx scripts/cli/demo-example.ts)', () => {
    const onDisk: unknown = JSON.parse(readFileSync(demoExampleFile, 'utf8'));
    expect(onDisk).toEqual(JSON.parse(demoExampleJson()));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(postPurchase45)));
  });

  it('every example journey compiles', () => {
    for (const file of filesIn('journeys')) {
      const result = compile(JSON.parse(readFileSync(file, 'utf8')));
      expect(result.errors, file).toEqual([]);
    }
  });

  it('every example customer and event script passes the CLI checks', () => {
    expect(
      filesIn('customers')
        .map((f) => readCustomerFile(f).id)
        .sort(),
    ).toEqual(['cust_asha', 'cust_ravi']);
    const scripts = filesIn('events');
    expect(scripts.map((f) => path.basename(f)).sort()).toEqual([
      'cod-delivered.json',
      'never-delivered.json',
      'prepaid-delivered.json',
      'second-order-day-12.json',
    ]);
    for (const file of scripts)
      expect(readEventsFile(file).entryEvent.type, file).toBe('order.placed');
  });
});
