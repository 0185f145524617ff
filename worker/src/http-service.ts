// The worker's side of `ctx.http` and `ctx.secrets`: nodes stay free of server imports (they run
// in the browser bundle too) and ask the host for I/O instead.
import {
  HttpTimeoutError,
  SECRET_NAME,
  type HttpRequest,
  type HttpResponse,
  type HttpService,
  type SecretStore,
} from '@yatra/nodes';

/** Only this much of a response body is kept: nodes read small JSON answers, not downloads. */
const MAX_BODY_BYTES = 1_048_576;

/**
 * `ctx.http` backed by Node's fetch. The request's `timeoutMs` covers the whole response; when
 * it passes the call rejects with `HttpTimeoutError`. `signal` (the activity's cancellation)
 * aborts a request whose step was cancelled or timed out by Temporal.
 * @example createNodeContext(effect, state, { http: createHttpService({ signal }), … })
 */
export function createHttpService(options: { signal?: AbortSignal } = {}): HttpService {
  return {
    async fetch(request: HttpRequest): Promise<HttpResponse> {
      const timeout = AbortSignal.timeout(request.timeoutMs);
      const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal,
          redirect: 'manual',
        });
        const body = await readCapped(response);
        return { status: response.status, headers: Object.fromEntries(response.headers), body };
      } catch (error) {
        if (timeout.aborted) throw new HttpTimeoutError(request.url, request.timeoutMs);
        throw error;
      }
    },
  };
}

async function readCapped(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new TextDecoder().decode(bytes.subarray(0, MAX_BODY_BYTES));
}

/** Environment variables that hold node secrets: `YATRA_SECRET_<NAME>`. */
export const SECRET_ENV_PREFIX = 'YATRA_SECRET_';

/**
 * `ctx.secrets` from the environment: `get('SHOP_TOKEN')` reads `YATRA_SECRET_SHOP_TOKEN`. Only
 * prefixed variables are reachable, so a journey config can never name `DATABASE_URL`.
 * @example envSecrets(process.env).get('ACME_WEBHOOK')
 */
export function envSecrets(env: Record<string, string | undefined> = process.env): SecretStore {
  return {
    get: (name) => (SECRET_NAME.test(name) ? env[`${SECRET_ENV_PREFIX}${name}`] : undefined),
  };
}
