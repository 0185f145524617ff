import { createVerify, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startRecordingServer, type RecordingServer } from '../shared/testing/recording-server';
import { providerMessage } from '../shared/testing/provider-message';
import { providerRejection } from '../shared/testing/rejection';
import { testServiceAccount } from '../shared/testing/service-account';
import { createPushAdapter } from './push-adapter';
import { FCM_SCOPE } from './fcm-token';
import type { PushConfig } from './push-config';

// FCM HTTP v1 against two local servers: Google's OAuth2 token endpoint (which verifies the
// RS256 assertion with the service account's public key) and FCM's messages:send.

const claimsSchema = z.object({
  iss: z.email(),
  scope: z.literal(FCM_SCOPE),
  aud: z.url(),
  iat: z.number(),
  exp: z.number(),
});

function validAssertion(jwt: string, publicKey: KeyObject, tokenUri: string): boolean {
  const [header, claims, signature] = jwt.split('.');
  if (!header || !claims || !signature) return false;
  const ok = createVerify('RSA-SHA256')
    .update(`${header}.${claims}`)
    .verify(publicKey, Buffer.from(signature, 'base64url'));
  const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(claims, 'base64url').toString()));
  return (
    ok &&
    parsed.success &&
    parsed.data.aud === tokenUri &&
    parsed.data.exp - parsed.data.iat === 3600
  );
}

let oauth: RecordingServer;
let fcm: RecordingServer;
let config: PushConfig;
let issued = 0;
/** The access tokens FCM still accepts (a test revokes them to force a refresh). */
const valid = new Set<string>();

beforeAll(async () => {
  oauth = await startRecordingServer(() => ({ status: 500 }));
  fcm = await startRecordingServer(() => ({ status: 500 }));
  const tokenUri = `${oauth.url}/token`;
  const { account, publicKey } = testServiceAccount(tokenUri);
  config = { account, projectId: 'brand-app', fcmUrl: fcm.url, tokenUri };
  oauth.respond((req) => {
    const form = new URLSearchParams(req.body);
    if (
      form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
      !validAssertion(form.get('assertion') ?? '', publicKey, tokenUri)
    )
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT' } };
    const token = `ya29.token-${++issued}`;
    valid.add(token);
    return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
  });
});
afterAll(async () => {
  await oauth?.close();
  await fcm?.close();
});
beforeEach(() => {
  fcm.respond((req) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(token))
      return {
        status: 401,
        body: {
          error: {
            code: 401,
            message: 'Request had invalid authentication credentials.',
            status: 'UNAUTHENTICATED',
          },
        },
      };
    if (req.path !== '/v1/projects/brand-app/messages:send')
      return {
        status: 404,
        body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } },
      };
    return { status: 200, body: { name: `projects/brand-app/messages/0:${fcm.requests.length}` } };
  });
});

const push = () =>
  providerMessage({
    channel: 'push',
    recipient: 'dGVzdC1kZXZpY2UtdG9rZW4',
    subject: 'Shipped!',
    body: 'Order 1001 is on its way',
    deepLink: 'brand://orders/1001',
  });

describe('push adapter (FCM HTTP v1)', () => {
  it('exchanges a signed JWT for a token once, then sends with it', async () => {
    const adapter = createPushAdapter(config);
    const first = await adapter.send(push());
    const second = await adapter.send(push());
    expect(first.providerMessageId).toMatch(/^projects\/brand-app\/messages\/0:\d+$/);
    expect(second.providerMessageId).not.toBe(first.providerMessageId);
    expect(oauth.requests).toHaveLength(1);
    const sent = fcm.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers.authorization).toBe('Bearer ya29.token-1');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      message: {
        token: 'dGVzdC1kZXZpY2UtdG9rZW4',
        notification: { title: 'Shipped!', body: 'Order 1001 is on its way' },
        data: {
          yatraKey: 'run-1:send-1:whatsapp',
          template: 'order_shipped',
          deepLink: 'brand://orders/1001',
        },
        android: { priority: 'high' },
      },
    });
  });

  it('drops a refused token: the retry exchanges a new one and goes through', async () => {
    const adapter = createPushAdapter(config);
    await adapter.send(push());
    valid.clear();
    const error = await providerRejection(adapter.send(push()));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', retryable: true });
    const exchanges = oauth.requests.length;
    await expect(adapter.send(push())).resolves.toHaveProperty('providerMessageId');
    expect(oauth.requests).toHaveLength(exchanges + 1);
  });

  it('gives up on an unregistered device token', async () => {
    fcm.respond(() => ({
      status: 404,
      body: {
        error: {
          code: 404,
          message: 'Requested entity was not found.',
          status: 'NOT_FOUND',
          details: [
            {
              '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError',
              errorCode: 'UNREGISTERED',
            },
          ],
        },
      },
    }));
    const error = await providerRejection(createPushAdapter(config).send(push()));
    expect(error).toMatchObject({ code: 'UNREGISTERED', retryable: false });
  });

  it('gives up when the token endpoint rejects the key', async () => {
    const stranger = testServiceAccount(config.tokenUri).account;
    const adapter = createPushAdapter({ ...config, account: stranger });
    const error = await providerRejection(adapter.send(push()));
    expect(error).toMatchObject({ code: 'oauth_400', retryable: false });
  });
});
