// Test-only: a real HTTP server on 127.0.0.1 for journey tests of nodes that call out.
import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How to answer one request: a status and JSON body, or never (`hang`) to act out a timeout. */
export type EndpointAnswer = { status: number; body?: unknown } | { hang: true };

/**
 * Starts a local endpoint; `handler` answers each request (`call` counts from 1).
 * @example
 * const endpoint = await startLocalEndpoint(() => ({ status: 204 }));
 * // … config: { url: `${endpoint.url}/hook` } …
 * await endpoint.close();
 */
export async function startLocalEndpoint(
  handler: (request: ReceivedRequest, call: number) => EndpointAnswer,
) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = handler(request, requests.length);
      if ('hang' in answer) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the endpoint has no TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
