import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Environment additions for a child (no required keys, unlike Next's NodeJS.ProcessEnv). */
export type Env = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------
// Prefixed output
// ---------------------------------------------------------------------------------------------

const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;
const palette = [36, 35, 33, 32, 34, 96, 95, 93];

function colorFor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? 36;
}

/** `[name] ` in a stable colour per name (plain when stdout is not a terminal). */
export function prefix(name: string): string {
  return useColor ? `\x1b[${colorFor(name)}m[${name}]\x1b[0m ` : `[${name}] `;
}

// Cursor moves, line clears and (without a terminal) colours that children print for a terminal.
// eslint-disable-next-line no-control-regex
const controlSequences = /\x1b\[[0-9;?]*[A-Za-z]/g;
// eslint-disable-next-line no-control-regex
const nonColorSequences = /\x1b\[[0-9;?]*[A-LN-Za-ln-z]/g;

/** Writes a line prefixed with `[name]` to stdout. */
export function logLine(name: string, line: string): void {
  const clean = line.replace(useColor ? nonColorSequences : controlSequences, '');
  process.stdout.write(`${prefix(name)}${clean}\n`);
}

/** Splits a byte stream into lines (keeping a partial last line until it completes). */
function onLines(stream: NodeJS.ReadableStream | null, handle: (line: string) => void): () => void {
  let pending = '';
  stream?.setEncoding?.('utf8');
  stream?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) handle(line);
  });
  return () => {
    if (pending) handle(pending);
    pending = '';
  };
}

// ---------------------------------------------------------------------------------------------
// Long-running services
// ---------------------------------------------------------------------------------------------

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceOptions {
  /** Log prefix and name in messages, e.g. `web`. */
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  /** Added to (and overriding) the parent's environment. */
  env?: Env;
  /**
   * Where the output goes: `prefix` (default) prints `[name] line` to stdout; `quiet` keeps it
   * only in memory (shown if the service fails); `{ file }` appends it to a log file.
   */
  output?: 'prefix' | 'quiet' | { file: string };
  /** Signal for a graceful stop; default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** How long a graceful stop may take before the process group is killed; default 10 s. */
  stopTimeoutMs?: number;
  /** Records the pid so a later run can clean up after a killed one (see reapStalePidFile). */
  pidFile?: string;
  /** Stop printing once stop() is called (servers that log noise while shutting down). */
  quietWhenStopping?: boolean;
  /** Run as this user/group (when we are root, e.g. PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
}

export interface Service {
  readonly name: string;
  readonly pid: number;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<ExitInfo>;
  /** True until the process exits. */
  isRunning(): boolean;
  /** True once stop() was called (an exit after that is expected). */
  isStopping(): boolean;
  /** The last ~200 output lines, for error messages. */
  recentOutput(): string;
  /** Graceful stop: stopSignal, then SIGKILL to the process group after stopTimeoutMs. */
  stop(): Promise<void>;
}

/** Every child still running; killed synchronously if this process exits without stopping them. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Signals a detached child's whole process group (it may outlive its leader); ignores ESRCH. */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // no such group any more
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      killGroup(child.pid, 'SIGKILL');
      child.kill('SIGKILL'); // one-shot commands share our process group
    }
  });
}

/**
 * Starts a long-running child in its own process group, so a Ctrl-C in the terminal reaches only
 * the orchestrator, which then stops the children in order (see Shutdown).
 *
 * @example
 * const web = startService({ name: 'web', command: bin('next'), args: ['start'], cwd: 'web' });
 * await waitForUrl('http://127.0.0.1:3000/', { service: web });
 */
export function startService(options: ServiceOptions): Service {
  const { name, command, args = [], cwd, env, output = 'prefix' } = options;
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  installExitHook();

  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    uid: options.uid,
    gid: options.gid,
  });
  live.add(child);

  let stopping: Promise<void> | undefined;
  const recent: string[] = [];
  const file = typeof output === 'object' ? openLog(output.file) : undefined;
  const handle = (line: string): void => {
    recent.push(line);
    if (recent.length > 200) recent.shift();
    if (output === 'prefix' && !(options.quietWhenStopping && stopping)) logLine(name, line);
    file?.write(`${line}\n`);
  };
  const flushOut = onLines(child.stdout, handle);
  const flushErr = onLines(child.stderr, handle);

  let spawnError: Error | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.on('error', (error) => {
      // spawn failures (ENOENT, EACCES) arrive here and no 'close' follows for them
      spawnError = error;
      handle(`failed to start ${command}: ${error.message}`);
      live.delete(child);
      resolve({ code: 127, signal: null });
    });
    child.on('close', (code, signal) => {
      flushOut();
      flushErr();
      file?.end();
      live.delete(child);
      if (options.pidFile) rmSync(options.pidFile, { force: true });
      resolve({ code, signal });
    });
  });

  if (options.pidFile && child.pid !== undefined) {
    mkdirSync(path.dirname(options.pidFile), { recursive: true });
    writeFileSync(options.pidFile, `${child.pid}\n`);
  }

  let running = true;
  void exited.then(() => {
    running = false;
  });

  return {
    name,
    pid: child.pid ?? -1,
    exited,
    isRunning: () => running && spawnError === undefined,
    isStopping: () => stopping !== undefined,
    recentOutput: () => recent.join('\n'),
    stop: () =>
      (stopping ??= (async () => {
        if (!running) return;
        try {
          child.kill(stopSignal);
        } catch {
          // already gone
        }
        const timedOut = await Promise.race([
          exited.then(() => false),
          sleep(stopTimeoutMs, true, { ref: false }), // must not keep the process alive
        ]);
        if (timedOut) {
          logLine(name, `did not stop within ${stopTimeoutMs / 1000}s; killing it`);
          killGroup(child.pid, 'SIGKILL');
          await exited;
        } else {
          // grandchildren (e.g. the node process under tsx) must not outlive their parent
          killGroup(child.pid, 'SIGKILL');
        }
      })()),
  };
}

function openLog(file: string): NodeJS.WritableStream {
  mkdirSync(path.dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

/** Describes an exit for messages: `exit code 1` or `signal SIGKILL`. */
export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
}

// ---------------------------------------------------------------------------------------------
// One-shot commands
// ---------------------------------------------------------------------------------------------

export interface RunOptions {
  cwd?: string;
  env?: Env;
  /** Prefix every output line with `[name]`; without it the child shares our terminal. */
  name?: string;
}

/** Runs a command to completion, streaming its output; resolves with its exit code. */
export function runCommand(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: options.name ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    live.add(child);
    installExitHook();
    const name = options.name;
    if (name) {
      const flushOut = onLines(child.stdout, (line) => logLine(name, line));
      const flushErr = onLines(child.stderr, (line) => logLine(name, line));
      child.on('close', () => {
        flushOut();
        flushErr();
      });
    }
    child.on('error', (error) => {
      live.delete(child);
      process.stderr.write(`failed to start ${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      live.delete(child);
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1));
    });
  });
}

export interface CaptureResult {
  code: number;
  /** stdout and stderr, interleaved. */
  output: string;
}

/** Runs a command to completion and returns its exit code and output (nothing is printed). */
export function captureCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Env; uid?: number; gid?: number } = {},
): Promise<CaptureResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    live.add(child);
    installExitHook();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) => {
      live.delete(child);
      resolve({ code: 127, output: `${output}failed to start ${command}: ${error.message}` });
    });
    child.on('close', (code) => {
      live.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Partial<Record<string, number>>)[
    signal
  ];
}

// ---------------------------------------------------------------------------------------------
// Ordered shutdown
// ---------------------------------------------------------------------------------------------

/**
 * Stops what was started, newest first (web → worker → Temporal → PostgreSQL), on SIGINT/SIGTERM,
 * when a watched service dies, or when run() is called. A second Ctrl-C kills everything at once.
 */
export class Shutdown {
  private readonly steps: { name: string; stop: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  /**
   * @param exitOnServiceFailure when a watched service dies: true (the orchestrator) stops
   *   everything and exits 1; false (inside a test runner) only reports it.
   */
  constructor(private readonly exitOnServiceFailure = true) {}

  /** Registers a stop step; steps run in reverse registration order. */
  add(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  /** Registers a service's stop, and shuts everything down (exit 1) if it exits on its own. */
  watch(service: Service): void {
    this.add(service.name, () => service.stop());
    void service.exited.then((info) => {
      if (service.isStopping() || this.running) return;
      const tail = service.recentOutput().split('\n').slice(-30).join('\n');
      process.stderr.write(
        `\n${prefix(service.name)}exited unexpectedly (${describeExit(info)}).` +
          (tail.trim() ? ` Last output:\n${tail}\n` : '\n'),
      );
      if (this.exitOnServiceFailure) void this.exit(1);
    });
  }

  /** Stops on SIGINT, SIGTERM and SIGHUP, then exits (130 for Ctrl-C, 143 for SIGTERM). */
  installSignalHandlers(): void {
    let firstAt = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      // One Ctrl-C arrives several times: from the terminal to the whole process group, and
      // relayed by npm and tsx. Only a second press, a moment later, means "kill now".
      if (firstAt && Date.now() - firstAt < 1_500) return;
      if (firstAt) {
        process.stderr.write('\nStopping immediately.\n');
        process.exit(1); // the exit hook SIGKILLs every live child group
      }
      firstAt = Date.now();
      process.stdout.write(`\nStopping (${signal}); press Ctrl-C again to kill immediately.\n`);
      void this.exit(128 + (signalNumber(signal) ?? 0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
  }

  /** Runs every stop step once, newest first; errors are reported and do not stop the others. */
  run(): Promise<void> {
    return (this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.stop();
        } catch (error) {
          process.stderr.write(`${prefix(step.name)}failed to stop: ${String(error)}\n`);
        }
      }
    })());
  }

  /** run(), then exit the process with `code`. */
  async exit(code: number): Promise<never> {
    await this.run();
    process.exit(code);
  }
}
