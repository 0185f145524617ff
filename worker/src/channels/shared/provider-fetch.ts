import { ProviderError } from '../channel-adapter';

/** What a provider's HTTP API answered: the status, the raw text, and the JSON when it is JSON. */
export interface ProviderAnswer {
  status: number;
  text: string;
  json: unknown;
}

export interface ProviderFetchOptions {
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Default 15 s: a send that hangs longer is retried rather than waited on. */
  timeoutMs?: number;
}

/** 408, 429 and 5xx: the provider may accept the same request later. */
export function isRetryableHttpStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * One request to a provider. A network failure or timeout throws a retryable ProviderError (the
 * request may not have arrived); any HTTP answer is returned for the adapter to classify.
 * @example const answer = await providerFetch('whatsapp-cloud', url, { method: 'POST', body });
 */
export async function providerFetch(
  provider: string,
  url: string,
  init: RequestInit,
  options: ProviderFetchOptions = {},
): Promise<ProviderAnswer> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      ...init,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new ProviderError(
      `${provider}: ${timedOut ? 'timed out' : 'network error'} calling ${new URL(url).origin}: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { retryable: true, code: timedOut ? 'timeout' : 'network', cause: error },
    );
  }
  return { status: response.status, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A provider answer cut to a length that fits in a log line or a stored reason. */
export function excerpt(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** POSTs a JSON body with an optional bearer token: the shape of most provider send calls. */
export function postJson(
  provider: string,
  url: string,
  body: unknown,
  options: ProviderFetchOptions & { bearer?: string } = {},
): Promise<ProviderAnswer> {
  return providerFetch(
    provider,
    url,
    {
      method: 'POST',
      headers: {
        ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    },
    options,
  );
}
