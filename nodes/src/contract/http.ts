// Outbound HTTP for action nodes. A node never imports `fetch` wrappers, `node:http` or an SDK:
// it asks `ctx.http`, which the worker provides (worker/src/http-service.ts) and tests fake
// (`fakeHttp` in @yatra/nodes/testing). The canvas simulator provides none, so a node decides
// what a simulation shows (the examples in custom-nodes/ return a placeholder).

/**
 * One outbound request. `timeoutMs` is required: a node must say how long it waits, so that a
 * slow endpoint becomes a decision in the node (retry, a `timeout` port) and not a hung step.
 * @example
 * const request: HttpRequest = {
 *   method: 'POST', url: 'https://hooks.example.com/yatra', timeoutMs: 5_000,
 *   headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey },
 *   body: JSON.stringify({ hello: 'world' }),
 * };
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as is; JSON-encode it yourself (and set `content-type`). */
  body?: string;
  /** How long to wait for the whole response; past it the call rejects with `HttpTimeoutError`. */
  timeoutMs: number;
}

/**
 * The response, whatever its status: a 4xx or 5xx is an answer, not an exception, so the node
 * chooses between a port (4xx: the request is wrong) and a retry (throw on 5xx).
 * @example
 * const res = await ctx.http!.fetch(request);
 * if (res.status >= 500) throw new Error(`shop answered ${res.status}`); // retried
 * const body = responseSchema.parse(JSON.parse(res.body));               // validate, no casts
 */
export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * `ctx.http`: outbound HTTP. It rejects with `HttpTimeoutError` when `timeoutMs` passes, and
 * with a plain Error when the network fails (both retried by the worker unless the node decides).
 * @example
 * if (!ctx.http) return { port: 'next', output: { simulated: true } }; // the canvas simulator
 * const res = await ctx.http.fetch({ method: 'GET', url, timeoutMs: 3_000 });
 */
export interface HttpService {
  fetch(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * The endpoint did not answer within the request's `timeoutMs`.
 * @example
 * try { await ctx.http.fetch(request); }
 * catch (error) { if (isHttpTimeout(error)) return { port: 'timeout' }; throw error; }
 */
export class HttpTimeoutError extends Error {
  override readonly name = 'HttpTimeoutError';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${url} did not answer within ${timeoutMs} ms`);
  }
}

/**
 * True for an `HttpTimeoutError`, also across copies of this module (checks the name, not the
 * class, so a fake in a test or another bundle counts too).
 * @example if (isHttpTimeout(error) && ctx.attempt >= 3) return { port: 'timeout' };
 */
export function isHttpTimeout(error: unknown): error is HttpTimeoutError {
  return error instanceof Error && error.name === 'HttpTimeoutError';
}

/**
 * `ctx.secrets`: named secrets (API tokens, signing keys) kept out of journey configs, which
 * marketers see and export. The worker reads `YATRA_SECRET_<NAME>` from its environment; tests
 * pass a map. A config stores only the secret's name.
 * @example
 * const token = ctx.secrets?.get(config.tokenSecret);
 * if (!token) throw nonRetryable(`secret ${config.tokenSecret} is not set (YATRA_SECRET_${config.tokenSecret})`);
 */
export interface SecretStore {
  get(name: string): string | undefined;
}

/**
 * What a secret's name may look like: upper case, digits and `_` (it becomes part of an
 * environment variable name). Use it in config schemas.
 * @example config: z.object({ tokenSecret: z.string().regex(SECRET_NAME).default('SHOP_TOKEN') })
 */
export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
