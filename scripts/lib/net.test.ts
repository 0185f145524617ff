import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { canConnect, getFreePort, isPortFree } from './net';

describe('ports', () => {
  it('hands out distinct free ports', async () => {
    const a = await getFreePort();
    const b = await getFreePort();
    expect(a).not.toBe(b);
    expect(await isPortFree(a)).toBe(true);
  });

  it('sees a listening port as taken', async () => {
    const server = net.createServer();
    const port = await getFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await canConnect(port)).toBe(true);
      expect(await isPortFree(port)).toBe(false);
    } finally {
      server.close();
    }
  });
});
