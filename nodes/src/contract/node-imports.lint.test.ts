// Node files are bundled for the browser and run in the simulator, so they may not import server
// modules. eslint.config.js enforces it for built-in, custom and external node files; this test
// proves the rule fires (on a fixture, linted as if it were each kind of node file) and that
// today's node files are clean.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const fixture = `import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { ApplicationFailure } from '@temporalio/common';
import { getDb } from '@yatra/db';
import type { Db } from '@yatra/db';
import { defineNode } from '@yatra/nodes';
export const used = [readFileSync, Pool, ApplicationFailure, getDb, defineNode];
export type Used = Db;
`;

describe('server imports in node files', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  const restricted = async (filePath: string) => {
    const [result] = await eslint.lintText(fixture, { filePath });
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => ({
        file: result?.filePath.slice(repoRoot.length),
        line: m.line,
        message: m.message,
      }));
  };

  it.each([
    ['a custom package node', 'custom-nodes/src/webhook.node.ts'],
    ['a helper module of a custom package', 'custom-nodes/src/sign.ts'],
    ['a built-in node', 'nodes/src/builtins/flow/wait.node.ts'],
  ])(
    'fails %s with the file and each server import',
    async (_kind, file) => {
      const found = await restricted(file);
      expect(found.map((f) => [f.file, f.line])).toEqual([
        [file, 1],
        [file, 2],
        [file, 3],
        [file, 4],
      ]);
      expect(found[0]?.message).toBe(
        "'node:fs' import is restricted from being used. Node files import no Node built-ins (they run in the browser bundle too): use ctx.http, ctx.secrets and Web APIs (crypto.subtle). See docs/authoring-nodes.md.",
      );
      expect(found[1]?.message).toMatch(/^'pg' import is restricted .*ask ctx for the service/);
      expect(found[3]?.message).toMatch(/^'@yatra\/db' import is restricted/);
    },
    60_000,
  );

  it('leaves other code alone (the worker may import servers)', async () => {
    expect(await restricted('worker/src/http-service.ts')).toEqual([]);
  }, 60_000);

  // `npm run lint` checks every node file; here the example package's, which the guide points at.
  it('finds no server import in the example custom node package', async () => {
    const results = await eslint.lintFiles(['custom-nodes/src']);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(5);
    expect(found).toEqual([]);
  }, 120_000);
});
