import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The monorepo root (this file lives in scripts/lib/). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Local state of `npm start`: PostgreSQL data, Temporal's SQLite file, logs, pid files. */
export const dataDir = path.join(repoRoot, '.data');

/** A binary installed by npm at the root (hoisted workspaces), e.g. `bin('next')`. */
export function bin(name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}
