import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SetupError } from './errors';
import { describeExit, type Service } from './processes';

/** True if something accepts TCP connections on host:port right now. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True if nothing listens on the port and we could bind it on 127.0.0.1. */
export async function isPortFree(port: number): Promise<boolean> {
  if (await canConnect(port)) return false;
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port number from the environment variable `name`, else `fallback`. */
export function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new SetupError(`${name}=${raw} is not a valid port number.`);
  }
  return port;
}

const handedOut = new Set<number>();

/** A port that is free now (the OS picks it); never the same one twice in this process. */
export async function getFreePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const picked = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(picked));
      });
    });
    if (port > 0 && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** Throws a SetupError naming the env var to change if the port is taken. */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  if (await isPortFree(port)) return;
  throw new SetupError(
    `Port ${port} (${what}) is already in use. Stop whatever is using it` +
      (envVar ? `, or choose another port with ${envVar}=<port>.` : '.'),
  );
}

export interface WaitOptions {
  /** Give up after this long; default 60 s. */
  timeoutMs?: number;
  /** Poll interval; default 250 ms. */
  intervalMs?: number;
  /** Fail fast, with its output, if this service exits while we wait. */
  service?: Service;
}

/**
 * Polls `probe` until it returns true. Fails when the timeout passes or the watched service exits.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 250, service }: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service && !service.isRunning()) {
      const info = await service.exited;
      throw new SetupError(
        `${service.name} exited (${describeExit(info)}) while waiting for ${what}.\n` +
          `Last output of ${service.name}:\n${tail(service.recentOutput())}`,
      );
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new SetupError(
        `Timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}.` +
          (service ? `\nLast output of ${service.name}:\n${tail(service.recentOutput())}` : ''),
      );
    }
    await sleep(intervalMs);
  }
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n') || '(no output)';
}

/** Waits until host:port accepts TCP connections. */
export function waitForPort(
  port: number,
  options: WaitOptions & { host?: string } = {},
): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  return waitUntil(`${host}:${port}`, () => canConnect(port, host), options);
}

/** Waits until an HTTP GET of `url` gets any response (even an error page means the server is up). */
export function waitForUrl(url: string, options: WaitOptions = {}): Promise<void> {
  return waitUntil(
    url,
    async () => {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(120_000),
      });
      await response.body?.cancel();
      return true;
    },
    options,
  );
}
