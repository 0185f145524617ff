// Type-aware lint for the whole monorepo. The workflows/ override keeps Temporal workflow code
// deterministic: no Node built-ins, no server packages — only @temporalio/workflow and pure nodes/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.data/**',
      'web/.next/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'web/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code must be deterministic: no Node built-ins.',
          })),
          patterns: [
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'Workflows import only @temporalio/workflow.',
            },
            {
              group: [
                '@yatra/db',
                '@yatra/db/*',
                '@yatra/worker',
                '@yatra/worker/*',
                'pg',
                'drizzle-orm',
                'drizzle-orm/*',
                'next',
                'next/*',
              ],
              message:
                'Workflows may not import server packages; use activities (import type only).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The example QA suite is written as a QA team's own repository would be: against the
    // testing kit's public entry points only, never Yatra's internals.
    files: ['examples/qa-suite/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@yatra/*',
                '!@yatra/testing',
                '!@yatra/testing/playwright',
                '**/nodes/src/**',
                '**/db/src/**',
                '**/worker/src/**',
                '**/web/**',
                '**/scripts/**',
                '**/testing/src/**',
              ],
              message: 'QA suites import only @yatra/testing and @yatra/testing/playwright.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node type files (built-in, in nodes/src/custom, or in a brand's package) are also bundled
    // for the browser and run in the simulator: they reach servers only through `ctx`.
    files: [
      'nodes/src/builtins/**/*.ts',
      'nodes/src/custom/**/*.ts',
      'custom-nodes/src/**/*.ts',
      '**/*.node.ts',
    ],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message:
              'Node files import no Node built-ins (they run in the browser bundle too): use ctx.http, ctx.secrets and Web APIs (crypto.subtle). See docs/authoring-nodes.md.',
          })),
          patterns: [
            {
              group: [
                '@temporalio/*',
                '@yatra/db',
                '@yatra/db/*',
                '@yatra/worker',
                '@yatra/worker/*',
                '@yatra/workflows',
                '@yatra/workflows/*',
                'pg',
                'pg-*',
                'drizzle-orm',
                'drizzle-orm/*',
                'next',
                'next/*',
              ],
              message:
                'Node files import no server module (they run in the browser bundle too): ask ctx for the service (ctx.http, ctx.channels, ctx.loyalty…). See docs/authoring-nodes.md.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
