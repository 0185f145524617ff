import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startRecordingServer, type RecordingServer } from '../shared/testing/recording-server';
import { providerMessage } from '../shared/testing/provider-message';
import { providerRejection } from '../shared/testing/rejection';
import { createWhatsAppAdapter } from './whatsapp-adapter';
import { whatsAppRequestBody } from './whatsapp-request';

// The adapter against a local server that speaks the Cloud API's /messages endpoint and checks
// the request the way Meta does: path, bearer token, JSON body shape.

const TOKEN = 'EAAG-test-token';
const PHONE_ID = '106540352242922';
const WAMID = 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQUFBQUFBQUFBQUFBQUFBQUEA';

/** What the fake Graph API accepts for a template or text message. */
const requestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual'),
  to: z.string().regex(/^\d{8,15}$/),
  biz_opaque_callback_data: z.string().max(512),
  type: z.enum(['template', 'text', 'image', 'video']),
});

let graph: RecordingServer;
beforeAll(async () => {
  graph = await startRecordingServer(() => ({ status: 500 }));
});
afterAll(() => graph?.close());

const adapter = (timeoutMs?: number) =>
  createWhatsAppAdapter(
    { token: TOKEN, phoneNumberId: PHONE_ID, baseUrl: graph.url, apiVersion: 'v23.0' },
    { timeoutMs },
  );

/** Answers like Graph: the accepted message, or Meta's error envelope. */
const acceptValid = () =>
  graph.respond((req) =>
    req.path === `/v23.0/${PHONE_ID}/messages` &&
    req.headers.authorization === `Bearer ${TOKEN}` &&
    req.headers['content-type'] === 'application/json' &&
    requestSchema.safeParse(JSON.parse(req.body)).success
      ? {
          status: 200,
          body: {
            messaging_product: 'whatsapp',
            contacts: [{ input: '919812345678', wa_id: '919812345678' }],
            messages: [{ id: WAMID, message_status: 'accepted' }],
          },
        }
      : { status: 400, body: { error: { message: 'bad request', code: 100 } } },
  );

const metaError = (status: number, code: number, details: string) =>
  graph.respond(() => ({
    status,
    body: {
      error: {
        message: `(#${code}) ${details}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id: 'AbCdEf',
      },
    },
  }));

const sendError = (timeoutMs?: number) =>
  providerRejection(adapter(timeoutMs).send(providerMessage()));

describe('WhatsApp Cloud API adapter', () => {
  it('POSTs the template message Meta expects and returns the wamid', async () => {
    acceptValid();
    const before = graph.requests.length;
    const message = providerMessage({
      media: { kind: 'image', url: 'https://cdn.brand.in/o.png' },
    });
    const receipt = await adapter().send(message);
    expect(receipt).toEqual({ providerMessageId: WAMID });
    const [request] = graph.requests.slice(before);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/v23.0/${PHONE_ID}/messages`);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const body: unknown = JSON.parse(request?.body ?? '');
    expect(body).toEqual(whatsAppRequestBody(message)); // field by field in whatsapp-request.test.ts
    expect(body).toMatchObject({
      to: '919812345678',
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'hi' },
        components: [{ type: 'header' }, { type: 'body' }],
      },
    });
  });

  it('sends free-form text inside the window', async () => {
    acceptValid();
    const before = graph.requests.length;
    await adapter().send(providerMessage({ freeForm: true, body: 'Thanks, Asha!' }));
    expect(JSON.parse(graph.requests[before]?.body ?? '')).toMatchObject({
      type: 'text',
      text: { body: 'Thanks, Asha!', preview_url: false },
    });
  });

  it('gives up on 131049 (per-user marketing limit) with its own code', async () => {
    metaError(
      400,
      131049,
      'This message was not delivered to maintain healthy ecosystem engagement.',
    );
    const error = await sendError();
    expect(error).toMatchObject({ code: '131049', retryable: false });
    expect(error.message).toContain('per-user marketing limit');
  });

  it('gives up on 131050 (opted out of marketing) and 131026 (undeliverable)', async () => {
    metaError(400, 131050, 'User has stopped receipt of marketing messages');
    expect(await sendError()).toMatchObject({ code: '131050', retryable: false });
    metaError(400, 131026, 'Message undeliverable');
    expect(await sendError()).toMatchObject({ code: '131026', retryable: false });
  });

  it('retries throughput limits, Meta outages and timeouts', async () => {
    metaError(400, 130429, 'Rate limit hit');
    expect(await sendError()).toMatchObject({ code: '130429', retryable: true });
    graph.respond(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    expect(await sendError()).toMatchObject({ code: 'http_502', retryable: true });
    graph.respond(() => ({ status: 200, body: { messages: [{ id: WAMID }] }, delayMs: 500 }));
    expect(await sendError(100)).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('does not retry a 200 without a message id (a retry could send twice)', async () => {
    graph.respond(() => ({ status: 200, body: { messaging_product: 'whatsapp' } }));
    expect(await sendError()).toMatchObject({ code: 'no_message_id', retryable: false });
  });
});
