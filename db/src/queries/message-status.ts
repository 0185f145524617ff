import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { customers, messages, messageStatusEvents, type Message } from '../schema';

// Delivery statuses reported by provider webhooks. Providers retry webhooks and do not keep
// order, so each (message, status) is stored once and a message's status only moves forward.

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The statuses each status may replace: sent < delivered < read, and read may come without
 * delivered. `failed` ends a message that never arrived; a late `failed` after delivery is kept
 * in the history but does not overwrite the delivered state.
 */
const MAY_REPLACE: Record<DeliveryStatus, string[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent'],
};

export interface DeliveryStatusInput {
  /** The provider's message id (wamid…), as stored on the message when it was sent. */
  providerMessageId: string;
  /** Only messages sent through this provider match, e.g. `whatsapp-cloud`. */
  provider: string;
  /**
   * The message's idempotency key when the provider echoes it (WhatsApp's
   * biz_opaque_callback_data): finds a message whose send has not yet recorded the provider id.
   */
  idempotencyKey?: string;
  status: DeliveryStatus;
  /** When the provider says the status happened. */
  at: Date;
  errorCode?: string;
  /** The pricing category the provider bills (Meta: utility, marketing, service…). */
  pricingCategory?: string;
  /** The provider's status object, kept for audits. */
  raw?: unknown;
}

export interface RecordedDeliveryStatus {
  /** The outbox message the status is about; null when no message has that provider id. */
  message: Message | null;
  /** False when this (message, status) was recorded before: a replayed webhook. */
  fresh: boolean;
  /** True when the message's status moved to this one. */
  advanced: boolean;
}

async function byProviderId(db: Db, input: DeliveryStatusInput): Promise<Message | undefined> {
  const [message] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.providerMessageId, input.providerMessageId),
        eq(messages.provider, input.provider),
      ),
    )
    .limit(1);
  return message;
}

/**
 * A webhook can overtake the send's own bookkeeping (the provider answered, the row still says
 * queued without an id). The echoed idempotency key finds the row; it takes the provider id now.
 */
async function claimByKey(db: Db, input: DeliveryStatusInput): Promise<Message | undefined> {
  if (!input.idempotencyKey) return undefined;
  const [message] = await db
    .update(messages)
    .set({ provider: input.provider, providerMessageId: input.providerMessageId })
    .where(
      and(eq(messages.idempotencyKey, input.idempotencyKey), isNull(messages.providerMessageId)),
    )
    .returning();
  return message;
}

/**
 * Records one delivery status: once per (message, status), moving `messages.status` forward
 * only, keeping the provider's error code and pricing category. Run it inside a transaction
 * with the event it produces.
 * @example await recordDeliveryStatus(tx, { providerMessageId: 'wamid.X', provider: 'whatsapp-cloud', status: 'read', at })
 */
export async function recordDeliveryStatus(
  db: Db,
  input: DeliveryStatusInput,
): Promise<RecordedDeliveryStatus> {
  const message = (await byProviderId(db, input)) ?? (await claimByKey(db, input));
  if (!message) return { message: null, fresh: false, advanced: false };

  const inserted = await db
    .insert(messageStatusEvents)
    .values({
      messageId: message.id,
      status: input.status,
      at: input.at,
      errorCode: input.errorCode ?? null,
      pricingCategory: input.pricingCategory ?? null,
      raw: input.raw ?? {},
    })
    .onConflictDoNothing()
    .returning({ messageId: messageStatusEvents.messageId });
  if (inserted.length === 0) return { message, fresh: false, advanced: false };

  // The WHERE re-checks the current status under the row lock, so racing webhooks cannot move it back.
  const advanced = await db
    .update(messages)
    .set({
      status: input.status,
      statusAt: input.at,
      ...(input.errorCode !== undefined && { errorCode: input.errorCode }),
      ...(input.pricingCategory !== undefined && { pricingCategory: input.pricingCategory }),
    })
    .where(and(eq(messages.id, message.id), inArray(messages.status, MAY_REPLACE[input.status])))
    .returning({ id: messages.id });
  if (advanced.length === 0 && input.pricingCategory !== undefined) {
    // A late status can still be the first to say how Meta bills the conversation.
    await db
      .update(messages)
      .set({ pricingCategory: input.pricingCategory })
      .where(and(eq(messages.id, message.id), isNull(messages.pricingCategory)));
  }
  return { message, fresh: true, advanced: advanced.length > 0 };
}

/** Every delivery status stored for a message, oldest first. */
export async function listDeliveryStatuses(db: Db, messageId: string) {
  return db
    .select()
    .from(messageStatusEvents)
    .where(eq(messageStatusEvents.messageId, messageId))
    .orderBy(asc(messageStatusEvents.at));
}

/**
 * The customers with this E.164 phone number (an inbound reply names only the number), oldest
 * first; a shared family number can belong to more than one.
 */
export async function customerIdsByPhone(db: Db, phone: string, limit = 10): Promise<string[]> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.phone, phone))
    .orderBy(asc(customers.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
