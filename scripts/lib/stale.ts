// Cleaning up after a run that was killed (SIGKILL, a closed terminal) before it could stop its
// children: pid files name them, and the command line tells ours from a reused pid.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SetupError } from './errors';
import { repoRoot } from './paths';
import { logLine } from './processes';
// ---------------------------------------------------------------------------------------------

export interface ProcessInfo {
  pid: number;
  ppid: number | undefined;
  /** The full command line, arguments joined by spaces. */
  command: string;
}

/** The command line and parent of a live process, or undefined if no such process exists. */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const procDir = `/proc/${pid}`;
  if (existsSync(procDir)) {
    try {
      const command = readFileSync(`${procDir}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const stat = readFileSync(`${procDir}/stat`, 'utf8');
      // "pid (comm) state ppid ..." — comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return { pid, ppid: Number.isFinite(ppid) ? ppid : undefined, command };
    } catch {
      return undefined; // exited meanwhile
    }
  }
  const ps = spawnSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? '');
  if (!match) return undefined;
  return { pid, ppid: Number(match[1]), command: match[2] ?? '' };
}

/** Reads the first line of a pid file (also PostgreSQL's postmaster.pid) as a pid. */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]?.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Waits until the process is gone; true if it went within timeoutMs. */
export async function waitForProcessExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processInfo(pid)) return true;
    await sleep(100);
  }
  return !processInfo(pid);
}

/**
 * Sends `signal` to a process and waits for it to exit, escalating to SIGKILL after timeoutMs.
 */
export async function terminateProcess(
  pid: number,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 10_000,
): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  if (await waitForProcessExit(pid, timeoutMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitForProcessExit(pid, 5_000);
}

/**
 * Cleans up after a run that was killed before it could stop its children: if `pidFile` names a
 * live process whose command line passes `isOurs`, and whose parent is no longer a live Yatra
 * orchestrator, it is stopped. A live parent means another run is using it: that is an error.
 * Returns true if a stale process was stopped.
 */
export async function reapStalePidFile(
  pidFile: string,
  what: string,
  isOurs: (command: string) => boolean,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<boolean> {
  const pid = readPidFile(pidFile);
  if (pid === undefined) return false;
  const info = processInfo(pid);
  if (!info || !isOurs(info.command)) {
    rmSync(pidFile, { force: true });
    return false;
  }
  const parent = info.ppid === undefined ? undefined : processInfo(info.ppid);
  const parentIsYatra =
    parent !== undefined &&
    info.ppid !== 1 &&
    /\b(node|tsx)\b/.test(parent.command) &&
    (parent.command.includes(repoRoot) || /scripts[/\\]start/.test(parent.command));
  if (parent && parentIsYatra) {
    throw new SetupError(
      `${what} (pid ${pid}) is already running for another Yatra process (pid ${info.ppid}: ` +
        `${parent.command.slice(0, 80)}). Stop that one first (Ctrl-C in its terminal).`,
    );
  }
  logLine('yatra', `stopping ${what} left running by an earlier run (pid ${pid})`);
  await terminateProcess(pid, signal);
  rmSync(pidFile, { force: true });
  return true;
}
