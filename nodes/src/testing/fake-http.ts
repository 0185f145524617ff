import type { HttpRequest, HttpResponse, HttpService } from '../contract/http';

/** What a fake endpoint answers: a status, and a body as text or as JSON to encode. */
export interface FakeAnswer {
  status: number;
  body?: string | Record<string, unknown> | unknown[];
  headers?: Record<string, string>;
}

/** `ctx.http` for tests, with every request it received (`call` counts from 1). */
export interface FakeHttp extends HttpService {
  requests: HttpRequest[];
}

/**
 * A scripted `ctx.http`. The handler answers each request; throw from it to act out a network
 * failure, or throw `new HttpTimeoutError(request.url, request.timeoutMs)` for a timeout.
 * @example
 * const http = fakeHttp((request, call) =>
 *   call === 1 ? { status: 503 } : { status: 201, body: { discount_code: { code: 'THANKS-1' } } });
 * await runNode(discount, config, { ctx: { http } });
 * expect(http.requests[1]?.headers?.['idempotency-key']).toBe(http.requests[0]?.headers?.['idempotency-key']);
 */
export function fakeHttp(
  handler: (request: HttpRequest, call: number) => FakeAnswer | Promise<FakeAnswer>,
): FakeHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async fetch(request): Promise<HttpResponse> {
      requests.push(request);
      const answer = await handler(request, requests.length);
      const json = typeof answer.body === 'object';
      return {
        status: answer.status,
        headers: {
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...lowerCaseKeys(answer.headers ?? {}),
        },
        body: typeof answer.body === 'object' ? JSON.stringify(answer.body) : (answer.body ?? ''),
      };
    },
  };
}

const lowerCaseKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
