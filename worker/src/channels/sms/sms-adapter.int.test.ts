import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../shared/testing/recording-server';
import { providerMessage } from '../shared/testing/provider-message';
import { providerRejection } from '../shared/testing/rejection';
import { createSmsAdapter } from './sms-adapter';
import type { SmsConfig } from './sms-config';
import { smsRequestFields } from './sms-request';

// The adapter against a local stand-in for Gupshup's /GatewayAPI/rest: a form POST whose fields
// are checked the way the gateway does (method, credentials, DLT ids), answered in its JSON.

const REQUIRED = [
  'method',
  'send_to',
  'msg',
  'msg_type',
  'userid',
  'password',
  'auth_scheme',
  'v',
  'format',
  'mask',
  'principalEntityId',
  'dltTemplateId',
];

let gateway: RecordingServer;
let config: SmsConfig;
beforeAll(async () => {
  gateway = await startRecordingServer((req) => {
    const form = new URLSearchParams(req.body);
    const missing = REQUIRED.filter((f) => !form.get(f));
    if (req.path !== '/GatewayAPI/rest' || missing.length > 0)
      return {
        status: 200,
        body: { response: { id: '100', details: `missing ${missing.join(',')}`, status: 'error' } },
      };
    if (form.get('password') !== (form.get('userid') === '2000111' ? 'tx-pw' : 'promo-pw'))
      return {
        status: 200,
        body: {
          response: {
            id: '102',
            details: 'Authentication failed due to invalid userId or password',
            status: 'error',
          },
        },
      };
    return {
      status: 200,
      body: {
        response: {
          id: '3940265861734532871-1',
          phone: form.get('send_to'),
          details: '',
          status: 'success',
        },
      },
    };
  });
  config = {
    baseUrl: `${gateway.url}/GatewayAPI/rest`,
    dltEntityId: '1201159123456789012',
    transactional: { userId: '2000111', password: 'tx-pw', senderId: 'BRANDX' },
    promotional: { userId: '2000222', password: 'promo-pw', senderId: '561234' },
  };
});
afterAll(() => gateway?.close());

const sms = (overrides = {}) =>
  providerMessage({
    channel: 'sms',
    body: 'प्रिय Asha, आपका ऑर्डर 1001 भेज दिया गया है। -Brand',
    dltTemplateId: '1207161234567890123',
    ...overrides,
  });

const sendError = (adapterConfig: SmsConfig) =>
  providerRejection(createSmsAdapter(adapterConfig, { timeoutMs: 2000 }).send(sms()));

describe('SMS adapter (Gupshup Enterprise)', () => {
  it('POSTs the form with DLT ids and returns the gateway message id', async () => {
    const before = gateway.requests.length;
    const receipt = await createSmsAdapter(config).send(sms());
    expect(receipt).toEqual({ providerMessageId: '3940265861734532871-1' });
    const request = gateway.requests[before];
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(request?.body));
    expect(form).toEqual(smsRequestFields(sms(), config)); // field by field in sms-request.test.ts
    expect(form).toMatchObject({
      method: 'SendMessage',
      send_to: '919812345678',
      msg_type: 'Unicode_text',
      mask: 'BRANDX',
      principalEntityId: '1201159123456789012',
      dltTemplateId: '1207161234567890123',
    });
  });

  it('sends marketing on the promotional account', async () => {
    const before = gateway.requests.length;
    await createSmsAdapter(config).send(sms({ category: 'marketing' }));
    const form = new URLSearchParams(gateway.requests[before]?.body);
    expect([form.get('userid'), form.get('mask')]).toEqual(['2000222', '561234']);
  });

  it('gives up when the gateway refuses the request, keeping its error code', async () => {
    const wrong = { ...config, transactional: { ...config.transactional, password: 'nope' } };
    expect(await sendError(wrong)).toMatchObject({ code: '102', retryable: false });
  });

  it('retries 429 and 5xx answers and an unreachable gateway', async () => {
    gateway.respond(() => ({ status: 503, body: 'Service Unavailable' }));
    expect(await sendError(config)).toMatchObject({ code: 'http_503', retryable: true });
    gateway.respond(() => ({ status: 429, body: 'Too Many Requests' }));
    expect(await sendError(config)).toMatchObject({ code: 'http_429', retryable: true });
    expect(
      await sendError({ ...config, baseUrl: 'http://127.0.0.1:1/GatewayAPI/rest' }),
    ).toMatchObject({
      code: 'network',
      retryable: true,
    });
  });
});
