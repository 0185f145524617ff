import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from './errors';
import { waitForUrl } from './net';
import { bin, repoRoot } from './paths';
import { runCommand, startService, type Env, type Service } from './processes';

export const webDir = path.join(repoRoot, 'web');
const buildIdFile = path.join(webDir, '.next', 'BUILD_ID');

/** What the web build is made from: its own folder and the workspaces it imports. */
const sourceDirs = [
  'web',
  'nodes/src',
  'db/src',
  'db/migrations',
  'workflows/src',
  'worker/src',
  'custom-nodes/src',
];
const sourceFiles = ['package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'yatra.config.ts'];
const skipDirs = new Set(['node_modules', 'test-results', 'playwright-report']); // and .dirs

/**
 * Why `next build` must run, or null if web/.next is newer than every source file.
 * `YATRA_WEB_REBUILD=1` forces a build.
 */
export function webBuildReason(): string | null {
  if (process.env.YATRA_WEB_REBUILD === '1') return 'YATRA_WEB_REBUILD=1';
  if (!existsSync(buildIdFile)) return 'no build yet';
  const builtAt = statSync(buildIdFile).mtimeMs;
  const newer = newestSource();
  if (newer && newer.mtimeMs > builtAt) return `${path.relative(repoRoot, newer.file)} changed`;
  return null;
}

function newestSource(): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const consider = (file: string, mtimeMs: number): void => {
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && !/\.(int\.)?test\.tsx?$|\.spec\.ts$/.test(entry.name)) {
        consider(full, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of sourceDirs) {
    const full = path.join(repoRoot, dir);
    if (existsSync(full)) walk(full);
  }
  for (const file of sourceFiles) {
    const full = path.join(repoRoot, file);
    if (existsSync(full)) consider(full, statSync(full).mtimeMs);
  }
  return newest;
}

/** `next build` in web/, output prefixed `[web:build]`; throws if it fails. */
export async function buildWeb(env: Env): Promise<void> {
  const code = await runCommand(bin('next'), ['build'], {
    cwd: webDir,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
    name: 'web:build',
  });
  if (code !== 0)
    throw new SetupError(
      `next build failed (exit code ${code}); see the [web:build] output above.`,
    );
}

export interface StartWebOptions {
  port: number;
  env: Env;
  /** `next dev` (hot reload) instead of `next start`. */
  dev?: boolean;
  /** Bind address; default Next's own (all interfaces). */
  hostname?: string;
  output?: 'prefix' | 'quiet';
}

/** Starts `next start` (or `next dev`) in web/ and waits until it answers HTTP. */
export async function startWeb(
  options: StartWebOptions,
): Promise<{ service: Service; url: string }> {
  if (!existsSync(path.join(webDir, 'package.json')))
    throw new SetupError('web/package.json is missing.');
  const args = [options.dev ? 'dev' : 'start', '--port', String(options.port)];
  if (options.hostname) args.push('--hostname', options.hostname);
  const service = startService({
    name: 'web',
    command: bin('next'),
    args,
    cwd: webDir,
    env: { NEXT_TELEMETRY_DISABLED: '1', PORT: String(options.port), ...options.env },
    output: options.output ?? 'prefix',
    stopTimeoutMs: 10_000,
  });
  const url = `http://localhost:${options.port}`;
  try {
    await waitForUrl(`http://127.0.0.1:${options.port}/`, {
      service,
      timeoutMs: options.dev ? 300_000 : 120_000, // dev compiles the first page on request
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { service, url };
}
