import {
  customerIdsByPhone,
  ingestEvents,
  recordDeliveryStatus,
  type Db,
  type IngestEventInput,
  type Message,
} from '@yatra/db';
import type { InboundReport, StatusReport, WhatsAppWebhook } from './whatsapp-payload';

/** The provider name the worker's WhatsApp adapter stores on each message it sends. */
export const WHATSAPP_PROVIDER = 'whatsapp-cloud';

/** What a webhook changed, answered to Meta (and useful in logs and tests). */
export interface WebhookOutcome {
  statuses: { recorded: number; duplicates: number; unmatched: number; ignored: number };
  inbound: { received: number; unmatched: number };
}

function statusEvent(message: Message, s: StatusReport): IngestEventInput {
  return {
    type: 'message.status',
    customerId: message.customerId,
    occurredAt: s.at,
    // One event per (message, status): a replay produces the same key and is dropped.
    idempotencyKey: `message.status:${message.id}:${s.status}`,
    properties: {
      messageId: message.id,
      providerMessageId: s.providerMessageId,
      channel: message.channel,
      status: s.status,
      ...(s.errorCode !== undefined && { errorCode: s.errorCode }),
      ...(s.pricingCategory !== undefined && { pricingCategory: s.pricingCategory }),
    },
  };
}

function receivedEvent(customerId: string, m: InboundReport): IngestEventInput {
  return {
    type: 'message.received',
    customerId,
    occurredAt: m.at,
    idempotencyKey: `message.received:${m.providerMessageId}:${customerId}`,
    properties: {
      channel: 'whatsapp',
      text: m.text,
      providerMessageId: m.providerMessageId,
      messageType: m.type,
    },
  };
}

/**
 * Applies a verified webhook in ONE transaction: each delivery status recorded once and moved
 * forward only, and each new status and each inbound message stored as a customer event
 * (`message.status`, `message.received`) through the event ingestion. What those events mean
 * for sending (24-hour window, STOP, opt-out 131050) is applied when they are dispatched
 * (worker/src/sending/inbound-effects.ts). Replays change nothing.
 */
export async function applyWhatsAppWebhook(
  db: Db,
  webhook: WhatsAppWebhook,
): Promise<WebhookOutcome> {
  return db.transaction(async (tx) => {
    const outcome: WebhookOutcome = {
      statuses: { recorded: 0, duplicates: 0, unmatched: 0, ignored: webhook.ignored },
      inbound: { received: 0, unmatched: 0 },
    };
    const events: IngestEventInput[] = [];
    for (const s of webhook.statuses) {
      const { message, fresh } = await recordDeliveryStatus(tx, {
        ...s,
        provider: WHATSAPP_PROVIDER,
      });
      if (!message) outcome.statuses.unmatched++;
      else if (!fresh) outcome.statuses.duplicates++;
      else {
        outcome.statuses.recorded++;
        events.push(statusEvent(message, s));
      }
    }
    for (const m of webhook.inbound) {
      const customerIds = await customerIdsByPhone(tx, m.phone);
      if (customerIds.length === 0) outcome.inbound.unmatched++;
      else outcome.inbound.received++;
      for (const customerId of customerIds) events.push(receivedEvent(customerId, m));
    }
    await ingestEvents(tx, events);
    return outcome;
  });
}
