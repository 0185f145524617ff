import { describe, expect, it } from 'vitest';
import {
  getMessageByKey,
  insertMessageOnce,
  listDeliveryStatuses,
  listEvents,
  upsertCustomer,
  type Message,
} from '@yatra/db';
import { GET, POST } from '../../../app/api/webhooks/whatsapp/route';
import { bodyOf, ctx, useRouteTestDb } from '../test-helpers';
import { metaSignature } from './meta-signature';
import {
  metaStatus,
  metaTextMessage,
  metaWebhook,
  signedWebhookRequest,
  TEST_APP_SECRET,
  TEST_VERIFY_TOKEN,
} from './testing/meta-webhook';

// The WhatsApp webhook route on real PostgreSQL: the handshake, signature checks that store
// nothing, statuses stored once and only moving forward, and events through the ingestion.

const t = useRouteTestDb(async () => {
  process.env.YATRA_WHATSAPP_APP_SECRET = TEST_APP_SECRET;
  process.env.YATRA_WHATSAPP_VERIFY_TOKEN = TEST_VERIFY_TOKEN;
});

const post = (request: Request) => POST(request, ctx({}));
const T0 = 1_750_000_000; // Unix seconds

/** A WhatsApp message the worker sent: its row carries the wamid Meta will report on. */
async function sentMessage(key: string, wamid: string, customerId = 'cust_wa'): Promise<Message> {
  await upsertCustomer(t.db, { id: customerId, phone: '+919812345678' });
  const { message } = await insertMessageOnce(t.db, {
    idempotencyKey: key,
    customerId,
    channel: 'whatsapp',
    templateId: 'order_shipped',
    category: 'utility',
    recipient: '+919812345678',
    status: 'sent',
    provider: 'whatsapp-cloud',
    providerMessageId: wamid,
    createdAt: new Date(T0 * 1000 - 5000),
  });
  return message;
}

const current = async (key: string) => (await getMessageByKey(t.db, key))!;
const statusEvents = async (customerId: string) =>
  (await listEvents(t.db, { customerId })).filter((e) => e.type === 'message.status');

describe('GET /api/webhooks/whatsapp (handshake)', () => {
  const handshake = (query: string) =>
    GET(new Request(`http://yatra.test/api/webhooks/whatsapp?${query}`), ctx({}));

  it('echoes hub.challenge when the verify token matches', async () => {
    const res = await handshake(
      `hub.mode=subscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('answers 403 to a wrong token or mode', async () => {
    expect(
      (await handshake('hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1')).status,
    ).toBe(403);
    expect(
      (
        await handshake(
          `hub.mode=unsubscribe&hub.verify_token=${TEST_VERIFY_TOKEN}&hub.challenge=1`,
        )
      ).status,
    ).toBe(403);
  });
});

describe('POST /api/webhooks/whatsapp', () => {
  it('rejects a missing or wrong signature with 401 and stores nothing', async () => {
    const message = await sentMessage('k-badsig', 'wamid.BADSIG', 'cust_badsig');
    const body = metaWebhook({
      statuses: [metaStatus('wamid.BADSIG', 'delivered', T0)],
      messages: [metaTextMessage('919812345678', 'wamid.BADSIG-IN', T0, 'STOP')],
    });
    const forged = metaSignature(Buffer.from(JSON.stringify(body)), 'not-the-app-secret');
    for (const signature of [null, forged, 'sha256=00', 'garbage']) {
      const res = await post(signedWebhookRequest(body, signature));
      expect(res.status).toBe(401);
      expect((await bodyOf(res)).error).toMatch(/X-Hub-Signature-256/);
    }
    // A valid signature over other bytes (the same JSON re-serialised) is a forgery too.
    const other = metaSignature(Buffer.from(JSON.stringify(body, null, 2)), TEST_APP_SECRET);
    expect((await post(signedWebhookRequest(body, other))).status).toBe(401);
    expect(await listDeliveryStatuses(t.db, message.id)).toEqual([]);
    expect(await listEvents(t.db, { customerId: 'cust_badsig' })).toEqual([]);
    expect((await current('k-badsig')).status).toBe('sent');
  });

  it('stores each status once, with pricing category; a replay changes nothing', async () => {
    const message = await sentMessage('k-replay', 'wamid.REPLAY', 'cust_replay');
    const body = metaWebhook({
      statuses: [
        metaStatus('wamid.REPLAY', 'sent', T0, {
          pricing: { billable: true, pricing_model: 'PMP', category: 'utility' },
        }),
        metaStatus('wamid.REPLAY', 'delivered', T0 + 5, {
          pricing: { billable: true, pricing_model: 'PMP', category: 'utility' },
        }),
      ],
    });
    const first = await post(signedWebhookRequest(body));
    expect(first.status).toBe(200);
    expect(await bodyOf(first)).toMatchObject({
      statuses: { recorded: 2, duplicates: 0, unmatched: 0 },
    });
    const replay = await post(signedWebhookRequest(body));
    expect(await bodyOf(replay)).toMatchObject({
      statuses: { recorded: 0, duplicates: 2, unmatched: 0 },
    });

    expect((await listDeliveryStatuses(t.db, message.id)).map((s) => s.status)).toEqual([
      'sent',
      'delivered',
    ]);
    expect(await current('k-replay')).toMatchObject({
      status: 'delivered',
      statusAt: new Date((T0 + 5) * 1000),
      pricingCategory: 'utility',
    });
    const events = await statusEvents('cust_replay');
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.properties.status === 'delivered')).toMatchObject({
      occurredAt: new Date((T0 + 5) * 1000),
      properties: {
        messageId: message.id,
        providerMessageId: 'wamid.REPLAY',
        channel: 'whatsapp',
        status: 'delivered',
        pricingCategory: 'utility',
      },
    });
  });

  it('never moves a status backwards; read may come without delivered', async () => {
    const message = await sentMessage('k-order', 'wamid.ORDER', 'cust_order');
    const send = (status: string, at: number) =>
      post(
        signedWebhookRequest(metaWebhook({ statuses: [metaStatus('wamid.ORDER', status, at)] })),
      );
    await send('read', T0 + 30);
    expect((await current('k-order')).status).toBe('read');
    await send('delivered', T0 + 10); // late
    await send('sent', T0); // later still
    await send('failed', T0 + 40); // a failure after reading does not undo it
    expect(await current('k-order')).toMatchObject({
      status: 'read',
      statusAt: new Date((T0 + 30) * 1000),
      errorCode: null,
    });
    // The history keeps every status that happened, once.
    expect((await listDeliveryStatuses(t.db, message.id)).map((s) => s.status)).toEqual([
      'sent',
      'delivered',
      'read',
      'failed',
    ]);
  });

  it('records a failure with its error code as a message.status event', async () => {
    await sentMessage('k-fail', 'wamid.FAIL', 'cust_fail');
    const res = await post(
      signedWebhookRequest(
        metaWebhook({
          statuses: [
            metaStatus('wamid.FAIL', 'failed', T0, {
              errors: [
                {
                  code: 131049,
                  title: 'This message was not delivered to maintain healthy ecosystem engagement.',
                },
              ],
            }),
          ],
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(await current('k-fail')).toMatchObject({ status: 'failed', errorCode: '131049' });
    expect((await statusEvents('cust_fail'))[0]?.properties).toMatchObject({
      status: 'failed',
      errorCode: '131049',
    });
  });

  it('finds a message whose send has not yet stored the wamid by the echoed key', async () => {
    await upsertCustomer(t.db, { id: 'cust_race', phone: '+919800000001' });
    await insertMessageOnce(t.db, {
      idempotencyKey: 'run-9:send:whatsapp',
      customerId: 'cust_race',
      channel: 'whatsapp',
      templateId: 'order_shipped',
      status: 'queued',
      createdAt: new Date(T0 * 1000),
    });
    await post(
      signedWebhookRequest(
        metaWebhook({
          statuses: [
            metaStatus('wamid.RACE', 'sent', T0 + 1, {
              biz_opaque_callback_data: 'run-9:send:whatsapp',
            }),
          ],
        }),
      ),
    );
    expect(await current('run-9:send:whatsapp')).toMatchObject({
      status: 'sent',
      provider: 'whatsapp-cloud',
      providerMessageId: 'wamid.RACE',
    });
  });

  it('acknowledges statuses of messages that are not ours without storing anything', async () => {
    const res = await post(
      signedWebhookRequest(metaWebhook({ statuses: [metaStatus('wamid.UNKNOWN', 'read', T0)] })),
    );
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toMatchObject({ statuses: { recorded: 0, unmatched: 1 } });
  });

  it('turns an inbound reply into a message.received event for the customer with that number', async () => {
    await upsertCustomer(t.db, { id: 'cust_reply', phone: '+919876500001' });
    const body = metaWebhook({
      messages: [metaTextMessage('919876500001', 'wamid.IN-STOP', T0 + 60, 'STOP')],
    });
    expect(await bodyOf(await post(signedWebhookRequest(body)))).toMatchObject({
      inbound: { received: 1, unmatched: 0 },
    });
    await post(signedWebhookRequest(body)); // Meta retries: still one event
    const events = await listEvents(t.db, { customerId: 'cust_reply' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'message.received',
      occurredAt: new Date((T0 + 60) * 1000),
      properties: { channel: 'whatsapp', text: 'STOP', providerMessageId: 'wamid.IN-STOP' },
    });
  });

  it('answers 400 naming the bad field for a signed but malformed payload, storing nothing', async () => {
    const message = await sentMessage('k-bad', 'wamid.BAD', 'cust_bad');
    const res = await post(
      signedWebhookRequest(
        metaWebhook({
          statuses: [metaStatus('wamid.BAD', 'read', T0), { id: 'wamid.BAD', status: 'read' }],
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).issues).toEqual([
      { path: 'entry.0.changes.0.value.statuses.1.timestamp', message: expect.any(String) },
    ]);
    expect(await listDeliveryStatuses(t.db, message.id)).toEqual([]);
  });
});
