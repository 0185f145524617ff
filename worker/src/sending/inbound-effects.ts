import { recordInbound, setConsent, type Db, type EventRow } from '@yatra/db';
import { isStopReply, SEND_CHANNELS } from '@yatra/nodes';
import { z } from 'zod';
import { WHATSAPP_MARKETING_OPT_OUT } from '../channels/whatsapp/whatsapp-errors';

const receivedSchema = z.object({
  channel: z.enum(SEND_CHANNELS),
  text: z.string().default(''),
  providerMessageId: z.string().optional(),
});

const statusSchema = z.object({
  channel: z.enum(SEND_CHANNELS),
  messageId: z.string().optional(),
  errorCode: z.union([z.string(), z.number()]).optional(),
});

/**
 * What sending learns from a customer's events, applied before journeys see them so the very
 * next send honours it: an inbound reply (`message.received`) opens WhatsApp's 24-hour window,
 * and a STOP reply withdraws marketing on that channel; a delivery status with WhatsApp's
 * opt-out error (131050) withdraws WhatsApp marketing. Idempotent: repeats change nothing.
 */
export async function applyConsentEffects(db: Db, row: EventRow): Promise<void> {
  if (row.type === 'message.received') {
    const parsed = receivedSchema.safeParse(row.properties);
    if (!parsed.success) return;
    const { channel, text, providerMessageId } = parsed.data;
    await recordInbound(db, { customerId: row.customerId, channel, at: row.occurredAt });
    if (!isStopReply(text)) return;
    await setConsent(db, {
      customerId: row.customerId,
      channel,
      purpose: 'marketing',
      granted: false,
      source: 'reply',
      detail: { eventId: row.id, text, ...(providerMessageId ? { providerMessageId } : {}) },
      at: row.occurredAt,
    });
    return;
  }
  if (row.type === 'message.status') {
    const parsed = statusSchema.safeParse(row.properties);
    if (!parsed.success) return;
    const { channel, errorCode, messageId } = parsed.data;
    if (channel !== 'whatsapp' || String(errorCode) !== WHATSAPP_MARKETING_OPT_OUT) return;
    await setConsent(db, {
      customerId: row.customerId,
      channel,
      purpose: 'marketing',
      granted: false,
      source: 'webhook',
      detail: { eventId: row.id, errorCode: String(errorCode), messageId },
      at: row.occurredAt,
    });
  }
}
