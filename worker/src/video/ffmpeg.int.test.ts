import { describe, expect, it } from 'vitest';
import { runFfmpeg } from './ffmpeg';

// The runner's failure handling, with /bin/sh standing in for an ffmpeg that hangs or fails
// (`exec`, so the kill reaches the process holding the pipes, as it does with ffmpeg).

const sh = (script: string, extra: Partial<Parameters<typeof runFfmpeg>[1]> = {}) =>
  runFfmpeg(['-c', script], { ffmpegPath: '/bin/sh', cwd: '/tmp', ...extra });

describe('runFfmpeg', () => {
  it('resolves on exit 0 and rejects a failure as retryable with the last error lines', async () => {
    await expect(sh('exit 0')).resolves.toBeUndefined();
    await expect(
      sh('echo one >&2; echo two >&2; echo three >&2; echo four >&2; exit 3'),
    ).rejects.toMatchObject({
      permanent: false,
      message: 'ffmpeg exited with code 3: two | three | four',
    });
  });

  it('calls a missing binary permanent', async () => {
    await expect(
      runFfmpeg([], { ffmpegPath: '/nonexistent/ffmpeg', cwd: '/tmp' }),
    ).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining('ffmpeg not found'),
    });
  });

  it('kills a run that reports no progress, and one that takes too long', async () => {
    await expect(sh('exec sleep 5', { stallTimeoutMs: 200 })).rejects.toMatchObject({
      permanent: false,
      message: 'ffmpeg made no progress for 200 ms',
    });
    // Progress every 50 ms keeps the stall watchdog quiet; the deadline still ends it.
    await expect(
      sh('while true; do echo progress=continue; sleep 0.05; done', {
        stallTimeoutMs: 200,
        timeoutMs: 500,
      }),
    ).rejects.toMatchObject({ message: 'ffmpeg took longer than 500 ms' });
  });

  it('kills the process when the activity is cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = sh('exec sleep 5', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toMatchObject({ message: 'render cancelled' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
