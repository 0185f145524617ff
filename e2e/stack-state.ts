// Hands the stack started by global-setup.ts to global-teardown.ts (same runner process).
import type { Shutdown } from '../scripts/lib/processes';

const store: typeof globalThis & { __yatraE2eShutdown?: Shutdown } = globalThis;

export function setE2eStack(shutdown: Shutdown): void {
  store.__yatraE2eShutdown = shutdown;
}

export function takeE2eStack(): Shutdown | undefined {
  const shutdown = store.__yatraE2eShutdown;
  store.__yatraE2eShutdown = undefined;
  return shutdown;
}
