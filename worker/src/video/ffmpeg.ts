import { spawn } from 'node:child_process';
import { VideoRenderError, permanentFailure } from './errors';

export interface FfmpegRunOptions {
  /** The binary: Debian's /usr/bin/ffmpeg by default (on PATH). */
  ffmpegPath: string;
  cwd: string;
  /** ffmpeg reports progress twice a second; this long without a report means it is stuck. */
  stallTimeoutMs?: number;
  /** The longest a render may take, stuck or not (default 90 s: inside the activity's timeout). */
  timeoutMs?: number;
  /** Aborting kills ffmpeg: a cancelled or timed-out activity leaves no orphan render behind. */
  signal?: AbortSignal;
}

/** Runs one ffmpeg command; what the renderer injects, and what tests wrap to count spawns. */
export type RunFfmpeg = (args: string[], options: FfmpegRunOptions) => Promise<void>;

const STDERR_TAIL = 2_000;
const DEFAULT_STALL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 90_000;

/**
 * Spawns ffmpeg with `-progress pipe:1` and resolves when it exits 0. A missing binary is a
 * permanent failure; a non-zero exit, a stall or a timeout is not (a crash, an OOM kill or a hung input
 * may not happen twice), so the activity retries it.
 * @example await runFfmpeg(['-i', 'in.mp4', 'out.gif'], { ffmpegPath: 'ffmpeg', cwd: '/tmp' })
 */
export const runFfmpeg: RunFfmpeg = (args, options) =>
  new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new VideoRenderError('render cancelled', false));
    const child = spawn(options.ffmpegPath, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stalled = false;
    const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_MS;
    const stall = () =>
      setTimeout(() => {
        stalled = true;
        child.kill('SIGKILL');
      }, stallMs);
    let watchdog = stall();
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(watchdog);
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    child.stdout.on('data', () => {
      clearTimeout(watchdog);
      watchdog = stall();
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      settle();
      reject(
        error.code === 'ENOENT'
          ? permanentFailure(`ffmpeg not found at "${options.ffmpegPath}" (install ffmpeg)`, error)
          : new VideoRenderError(`ffmpeg could not start: ${error.message}`, false, {
              cause: error,
            }),
      );
    });
    child.once('close', (code, signal) => {
      settle();
      if (code === 0) return resolve();
      if (options.signal?.aborted) return reject(new VideoRenderError('render cancelled', false));
      if (timedOut)
        return reject(new VideoRenderError(`ffmpeg took longer than ${timeoutMs} ms`, false));
      if (stalled)
        return reject(new VideoRenderError(`ffmpeg made no progress for ${stallMs} ms`, false));
      const reason = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const lastLines = stderr.trim().split('\n').slice(-3).join(' | ');
      reject(new VideoRenderError(`ffmpeg ${reason}: ${lastLines || 'no error output'}`, false));
    });
  });
