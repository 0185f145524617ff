import type { Db } from '@yatra/db';
import { ValidationError } from '../errors';
import { json } from '../respond';
import { constantTimeEqual, verifyMetaSignature } from './meta-signature';
import { applyWhatsAppWebhook } from './whatsapp-effects';
import { parseWhatsAppWebhook } from './whatsapp-payload';
import { whatsAppWebhookConfig, type WhatsAppWebhookConfig } from './whatsapp-webhook-config';

const notConfigured = (variable: string) =>
  json({ error: `The WhatsApp webhook is not configured: set ${variable}.`, issues: [] }, 503);

/**
 * `GET /api/webhooks/whatsapp`: Meta's subscription handshake. Echoes `hub.challenge` when
 * `hub.mode=subscribe` and `hub.verify_token` matches YATRA_WHATSAPP_VERIFY_TOKEN; else 403.
 */
export function answerWhatsAppHandshake(
  request: Request,
  config: WhatsAppWebhookConfig = whatsAppWebhookConfig(),
): Response {
  if (!config.verifyToken) return notConfigured('YATRA_WHATSAPP_VERIFY_TOKEN');
  const query = new URL(request.url).searchParams;
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (
    query.get('hub.mode') !== 'subscribe' ||
    !challenge ||
    token === null ||
    !constantTimeEqual(token, config.verifyToken)
  )
    return json({ error: 'The verify token does not match.', issues: [] }, 403);
  return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain' } });
}

/**
 * `POST /api/webhooks/whatsapp`: verifies `X-Hub-Signature-256` over the raw bytes BEFORE
 * reading them as JSON; a missing or wrong signature is answered 401 and stores nothing. A
 * valid payload is applied in one transaction and answered 200 with what changed.
 */
export async function receiveWhatsAppWebhook(
  db: Db,
  request: Request,
  config: WhatsAppWebhookConfig = whatsAppWebhookConfig(),
): Promise<Response> {
  if (!config.appSecret) return notConfigured('YATRA_WHATSAPP_APP_SECRET');
  const raw = new Uint8Array(await request.arrayBuffer());
  if (!verifyMetaSignature(raw, request.headers.get('x-hub-signature-256'), config.appSecret))
    return json({ error: 'Missing or invalid X-Hub-Signature-256 signature.', issues: [] }, 401);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(raw)) as unknown;
  } catch {
    throw new ValidationError('The webhook body is not valid JSON.');
  }
  return json(await applyWhatsAppWebhook(db, parseWhatsAppWebhook(body)));
}
