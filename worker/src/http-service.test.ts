import { isHttpTimeout } from '@yatra/nodes';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpService, envSecrets } from './http-service';

describe('createHttpService (ctx.http in the worker)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.writeHead(req.url === '/missing' ? 404 : 201, { 'X-Echo': req.headers['x-key'] ?? '' });
        res.end(JSON.stringify({ method: req.method, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers every status with headers (lower case) and the body as text', async () => {
    const http = createHttpService();
    const ok = await http.fetch({
      method: 'POST',
      url: `${base}/codes`,
      headers: { 'X-Key': 'k1' },
      body: 'hello',
      timeoutMs: 2_000,
    });
    expect(ok).toMatchObject({ status: 201, headers: { 'x-echo': 'k1' } });
    expect(JSON.parse(ok.body)).toEqual({ method: 'POST', body: 'hello' });
    const missing = await http.fetch({ method: 'GET', url: `${base}/missing`, timeoutMs: 2_000 });
    expect(missing.status).toBe(404);
  });

  it('rejects with HttpTimeoutError when the endpoint does not answer in time', async () => {
    const error = await createHttpService()
      .fetch({ method: 'GET', url: `${base}/slow`, timeoutMs: 200 })
      .catch((e: unknown) => e);
    expect(isHttpTimeout(error)).toBe(true);
    expect(String(error)).toContain(`${base}/slow did not answer within 200 ms`);
  });

  it('aborts with the step (activity cancellation), which is not a timeout', async () => {
    const step = new AbortController();
    const pending = createHttpService({ signal: step.signal })
      .fetch({ method: 'GET', url: `${base}/slow`, timeoutMs: 5_000 })
      .catch((e: unknown) => e);
    step.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect(isHttpTimeout(error)).toBe(false);
  });
});

describe('envSecrets (ctx.secrets in the worker)', () => {
  it('reads YATRA_SECRET_<NAME> only', () => {
    const secrets = envSecrets({ YATRA_SECRET_SHOP_TOKEN: 't0k', DATABASE_URL: 'postgres://x' });
    expect(secrets.get('SHOP_TOKEN')).toBe('t0k');
    expect(secrets.get('MISSING')).toBeUndefined();
    expect(secrets.get('DATABASE_URL')).toBeUndefined();
    expect(secrets.get('../DATABASE_URL')).toBeUndefined();
  });
});
