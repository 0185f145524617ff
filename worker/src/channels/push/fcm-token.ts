import { createSign } from 'node:crypto';
import { z } from 'zod';
import { ProviderError } from '../channel-adapter';
import {
  excerpt,
  isRetryableHttpStatus,
  providerFetch,
  type ProviderFetchOptions,
} from '../shared/provider-fetch';
import type { ServiceAccount } from './push-config';

// OAuth 2.0 for service accounts (RFC 7523 JWT bearer grant), as Google documents it: sign a
// JWT with the account's key (RS256), exchange it at token_uri for an access token.

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * The signed JWT assertion: iss/sub the service account, aud the token URI, one hour valid.
 * @example serviceAccountAssertion(account, 'https://oauth2.googleapis.com/token', Date.now() / 1000)
 */
export function serviceAccountAssertion(
  account: ServiceAccount,
  tokenUri: string,
  nowSeconds: number,
): string {
  const iat = Math.floor(nowSeconds);
  const header = { alg: 'RS256', typ: 'JWT', kid: account.private_key_id };
  const claims = {
    iss: account.client_email,
    sub: account.client_email,
    scope: FCM_SCOPE,
    aud: tokenUri,
    iat,
    exp: iat + 3600,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(account.private_key);
  return `${unsigned}.${base64url(signature)}`;
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

export interface AccessTokenSource {
  /** A valid access token, fetched when there is none or it is about to expire. */
  token(): Promise<string>;
  /** Forgets the cached token (FCM answered 401). */
  invalidate(): void;
}

/** Caches the access token until five minutes before it expires; concurrent callers share one exchange. */
export function createAccessTokenSource(
  account: ServiceAccount,
  tokenUri: string,
  options: ProviderFetchOptions & { now?: () => number } = {},
): AccessTokenSource {
  const now = options.now ?? Date.now;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function exchange(): Promise<string> {
    const assertion = serviceAccountAssertion(account, tokenUri, now() / 1000);
    const answer = await providerFetch(
      'push-fcm',
      tokenUri,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }).toString(),
      },
      options,
    );
    const parsed = tokenSchema.safeParse(answer.json);
    if (answer.status !== 200 || !parsed.success)
      throw new ProviderError(
        `FCM token exchange answered ${answer.status}: ${excerpt(answer.text)}`,
        {
          // invalid_grant / invalid_client are a bad key or clock: retrying cannot fix them.
          retryable: isRetryableHttpStatus(answer.status),
          code: `oauth_${answer.status}`,
        },
      );
    cached = {
      token: parsed.data.access_token,
      renewAt: now() + (parsed.data.expires_in - 300) * 1000,
    };
    return cached.token;
  }

  return {
    token() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= exchange().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
