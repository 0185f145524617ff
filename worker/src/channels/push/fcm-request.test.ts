import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { providerMessage } from '../shared/testing/provider-message';
import { testServiceAccount } from '../shared/testing/service-account';
import { classifyFcmError } from './fcm-errors';
import { fcmRequestBody } from './fcm-request';
import { FCM_SCOPE, serviceAccountAssertion } from './fcm-token';

const push = (overrides = {}) =>
  providerMessage({
    channel: 'push',
    recipient: 'fcm-device-token-1',
    subject: 'Shipped!',
    body: 'Order 1001 is on its way',
    deepLink: 'https://brand.in/orders/1001',
    media: { kind: 'image', url: 'https://cdn.brand.in/o.png' },
    ...overrides,
  });

describe('fcmRequestBody', () => {
  it('carries title, body, image and the deep link for Android, iOS and web', () => {
    expect(fcmRequestBody(push())).toEqual({
      message: {
        token: 'fcm-device-token-1',
        notification: {
          title: 'Shipped!',
          body: 'Order 1001 is on its way',
          image: 'https://cdn.brand.in/o.png',
        },
        data: {
          yatraKey: 'run-1:send-1:whatsapp',
          template: 'order_shipped',
          deepLink: 'https://brand.in/orders/1001',
        },
        android: { priority: 'high' },
        apns: {
          payload: { aps: { 'mutable-content': 1 } },
          fcm_options: { image: 'https://cdn.brand.in/o.png' },
        },
        webpush: { fcm_options: { link: 'https://brand.in/orders/1001' } },
      },
    });
  });

  it('keeps an app-scheme deep link in data only and sends marketing at normal priority', () => {
    const { message } = fcmRequestBody(
      push({ deepLink: 'brand://orders/1001', media: undefined, category: 'marketing' }),
    );
    expect(message.data.deepLink).toBe('brand://orders/1001');
    expect(message).not.toHaveProperty('webpush');
    expect(message).not.toHaveProperty('apns');
    expect(message.android.priority).toBe('normal');
  });
});

describe('serviceAccountAssertion', () => {
  it('is an RS256 JWT for the FCM scope that the public key verifies', () => {
    const { account, publicKey } = testServiceAccount();
    const jwt = serviceAccountAssertion(
      account,
      'https://oauth2.googleapis.com/token',
      1_750_000_000,
    );
    const [header, claims, signature] = jwt.split('.');
    const decode = (part = '') => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown;
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' });
    expect(decode(claims)).toEqual({
      iss: account.client_email,
      sub: account.client_email,
      scope: FCM_SCOPE,
      aud: 'https://oauth2.googleapis.com/token',
      iat: 1_750_000_000,
      exp: 1_750_003_600,
    });
    const verifier = createVerify('RSA-SHA256').update(`${header}.${claims}`);
    expect(verifier.verify(publicKey, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
  });
});

describe('classifyFcmError', () => {
  const fcmError = (errorCode: string) => ({
    error: {
      message: 'm',
      details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }],
    },
  });
  it.each([
    [404, 'UNREGISTERED', false],
    [400, 'INVALID_ARGUMENT', false],
    [403, 'SENDER_ID_MISMATCH', false],
    [401, 'THIRD_PARTY_AUTH_ERROR', false],
    [429, 'QUOTA_EXCEEDED', true],
    [503, 'UNAVAILABLE', true],
    [500, 'INTERNAL', true],
  ])('HTTP %i %s → retryable %s', (status, code, retryable) => {
    expect(classifyFcmError(status, fcmError(code))).toMatchObject({ code, retryable });
  });

  it('treats a refused OAuth token (401 without an FCM code) as retryable', () => {
    expect(classifyFcmError(401, { error: { status: 'UNAUTHENTICATED' } })).toMatchObject({
      code: 'UNAUTHENTICATED',
      retryable: true,
    });
    expect(classifyFcmError(502, 'Bad gateway')).toMatchObject({ retryable: true });
  });
});
