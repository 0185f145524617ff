import { and, count, desc, eq, gte, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { messages, type Message } from '../schema';

export interface MessageInput {
  /** Derived from (run, node, recipient, channel): the same send always carries the same key. */
  idempotencyKey: string;
  runId?: string | null;
  journeyId?: string | null;
  nodeId?: string | null;
  customerId: string;
  channel: string;
  templateId: string;
  category?: string;
  recipient?: string | null;
  variables?: Record<string, unknown>;
  body?: string;
  status?: string;
  provider?: string;
  providerMessageId?: string | null;
  /** The template language actually used after fallback. */
  language?: string | null;
  /** For a fallback send (WhatsApp → SMS): the message it replaces. */
  fallbackOf?: string | null;
  /** The journey's (possibly virtual) time of the send. */
  createdAt: Date;
}

/**
 * Writes a message to the outbox once per idempotency key. `created: false` returns the row an
 * earlier attempt wrote, so a retried send activity knows not to call the provider again.
 */
export async function insertMessageOnce(
  db: Db,
  input: MessageInput,
): Promise<{ message: Message; created: boolean }> {
  const [inserted] = await db
    .insert(messages)
    .values(input)
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning();
  if (inserted) return { message: inserted, created: true };
  const existing = await getMessageByKey(db, input.idempotencyKey);
  if (!existing)
    throw new Error(`insertMessageOnce: conflict but no message with key ${input.idempotencyKey}`);
  return { message: existing, created: false };
}

/** The message written under an idempotency key, or null. */
export async function getMessageByKey(db: Db, idempotencyKey: string): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
  return row ?? null;
}

/** Outbox rows, newest first; optionally one customer's or one run's. */
export async function listMessages(
  db: Db,
  opts: { customerId?: string; runId?: string; journeyId?: string; limit?: number } = {},
): Promise<Message[]> {
  const filters: SQL[] = [];
  if (opts.customerId !== undefined) filters.push(eq(messages.customerId, opts.customerId));
  if (opts.runId !== undefined) filters.push(eq(messages.runId, opts.runId));
  if (opts.journeyId !== undefined) filters.push(eq(messages.journeyId, opts.journeyId));
  return db
    .select()
    .from(messages)
    .where(and(...filters))
    .orderBy(desc(messages.createdAt), desc(messages.sentAt))
    .limit(opts.limit ?? 100);
}

/** Messages a customer got since `since` (journey time), optionally per channel/category — the cross-journey frequency cap. */
export async function countMessagesSince(
  db: Db,
  customerId: string,
  since: Date,
  opts: { channel?: string; category?: string; status?: string } = {},
): Promise<number> {
  const filters: SQL[] = [eq(messages.customerId, customerId), gte(messages.createdAt, since)];
  if (opts.channel !== undefined) filters.push(eq(messages.channel, opts.channel));
  if (opts.category !== undefined) filters.push(eq(messages.category, opts.category));
  if (opts.status !== undefined) filters.push(eq(messages.status, opts.status));
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(...filters));
  return row?.n ?? 0;
}

/**
 * The provider accepted a queued message: record its id and move the row to `sent`. Only a
 * `queued` row moves, so a delivery webhook that got there first is never undone.
 */
export async function markMessageSent(
  db: Db,
  id: string,
  input: { provider: string; providerMessageId: string; at: Date },
): Promise<void> {
  await db
    .update(messages)
    .set({
      status: 'sent',
      statusAt: input.at,
      provider: input.provider,
      providerMessageId: input.providerMessageId,
    })
    .where(and(eq(messages.id, id), eq(messages.status, 'queued')));
}

/** The provider refused a queued message for good: `failed` with its error code. */
export async function markMessageFailed(
  db: Db,
  id: string,
  input: { provider: string; errorCode: string | null; at: Date },
): Promise<void> {
  await db
    .update(messages)
    .set({
      status: 'failed',
      statusAt: input.at,
      provider: input.provider,
      errorCode: input.errorCode,
    })
    .where(and(eq(messages.id, id), eq(messages.status, 'queued')));
}
