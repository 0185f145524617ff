import { getDb } from '@yatra/db';
import { route } from '../../../../lib/api/respond';
import {
  answerWhatsAppHandshake,
  receiveWhatsAppWebhook,
} from '../../../../lib/api/webhooks/whatsapp-webhook';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Meta's webhook handshake: echoes `hub.challenge` when the verify token matches (else 403). */
export const GET = route(async (request) => answerWhatsAppHandshake(request));

/**
 * WhatsApp delivery statuses and inbound messages, signed with X-Hub-Signature-256: 401 and
 * nothing stored when the signature is missing or wrong; 200 `{ statuses, inbound }` once applied.
 */
export const POST = route(async (request) => receiveWhatsAppWebhook(getDb(), request));
