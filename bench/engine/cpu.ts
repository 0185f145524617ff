// CPU time of the bench's components, so a round can be charged to where its time went: this
// process (worker: workflow threads and activities; client), the Temporal server, PostgreSQL.
// CPU time is far less sensitive than wall time to other work sharing the machine (though not
// immune: contention inflates it too). Linux (/proc) only; elsewhere the server figures are null.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** /proc/<pid>/stat counts in USER_HZ ticks, 100 per second on every Linux we run on. */
const TICK_MS = 10;

interface Proc {
  ppid: number;
  /** Own user + system time plus that of reaped children, ms. */
  cpuMs: number;
}

function readProcs(): Map<number, Proc> {
  const procs = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid … utime stime cutime cstime: comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    procs.set(Number(name), { ppid: Number(fields[1] ?? 0), cpuMs: ticks * TICK_MS });
  }
  return procs;
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** CPU ms of the processes `roots` and all their descendants, now. */
function treeCpuMs(roots: number[]): number {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, proc] of procs)
    children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), pid]);
  let total = 0;
  const stack = [...roots];
  const seen = new Set<number>();
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += procs.get(pid)?.cpuMs ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface CpuReading {
  benchMs: number;
  temporalMs: number | null;
  postgresMs: number | null;
}

/**
 * Reads CPU time of this process, the Temporal dev server listening on `temporalPort`, and the
 * PostgreSQL whose data directory is `pgDataDir`.
 */
export function cpuMeter(options: { temporalPort: number; pgDataDir: string }): () => CpuReading {
  const linux = existsSync('/proc/self/stat');
  const temporalRoots = linux
    ? [...readProcs().keys()].filter((pid) => {
        const args = commandLine(pid);
        const port = args.indexOf('--port');
        return (
          args.includes('start-dev') && port >= 0 && args[port + 1] === String(options.temporalPort)
        );
      })
    : [];
  const pidFile = path.join(options.pgDataDir, 'postmaster.pid');
  const postmaster =
    linux && existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
  return () => {
    const own = process.cpuUsage();
    return {
      benchMs: (own.user + own.system) / 1000,
      temporalMs: temporalRoots.length > 0 ? treeCpuMs(temporalRoots) : null,
      postgresMs: Number.isInteger(postmaster) ? treeCpuMs([postmaster]) : null,
    };
  };
}
