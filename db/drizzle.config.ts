import { defineConfig } from 'drizzle-kit';

// Run from the repository root: npx drizzle-kit generate --config db/drizzle.config.ts
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/src/schema/index.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
