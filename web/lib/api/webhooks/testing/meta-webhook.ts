import { metaSignature } from '../meta-signature';

// WhatsApp Cloud API webhook bodies as Meta sends them, for the webhook tests.

export const TEST_APP_SECRET = 'test-app-secret';
export const TEST_VERIFY_TOKEN = 'test-verify-token';

/** One status object of `entry[].changes[].value.statuses`. */
export function metaStatus(
  wamid: string,
  status: string,
  timestamp: number,
  extra: Record<string, unknown> = {},
) {
  return {
    id: wamid,
    status,
    timestamp: String(timestamp),
    recipient_id: '919812345678',
    ...extra,
  };
}

/** One inbound text message of `value.messages`. */
export function metaTextMessage(from: string, wamid: string, timestamp: number, body: string) {
  return { from, id: wamid, timestamp: String(timestamp), type: 'text', text: { body } };
}

/** The envelope around statuses and inbound messages, as one `messages` change. */
export function metaWebhook(
  value: { statuses?: unknown[]; messages?: unknown[] },
  extraChanges: unknown[] = [],
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
          ...extraChanges,
        ],
      },
    ],
  };
}

/** A signed POST to the webhook route, the way Meta delivers it. */
export function signedWebhookRequest(
  body: unknown,
  signature: string | null = metaSignature(Buffer.from(JSON.stringify(body)), TEST_APP_SECRET),
): Request {
  return new Request('http://yatra.test/api/webhooks/whatsapp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body: JSON.stringify(body),
  });
}
