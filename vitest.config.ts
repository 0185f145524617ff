import { defineConfig } from 'vitest/config';

// Two tiers, named by file suffix (see STYLE.md): `*.test.ts` unit tests next to the code, and
// `*.int.test.ts` integration tests against real PostgreSQL and Temporal, which each test file
// starts for itself (scripts/lib: startEphemeralPostgres, startEphemeralTemporal,
// testServerExecutable). Playwright specs live in e2e/ and run under playwright.config.ts.
const ignored = [
  '**/node_modules/**',
  '**/.next/**',
  '.data/**',
  'test-results/**',
  'playwright-report/**',
  'e2e/**',
];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.{ts,tsx}'],
          exclude: [...ignored, '**/*.int.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.{ts,tsx}'],
          exclude: ignored,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores, and every file starts its own servers: one file at a time.
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
