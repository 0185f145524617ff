import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { consentLog, customerConsents } from '../schema';

export type ConsentRow = typeof customerConsents.$inferSelect;
export type ConsentLogRow = typeof consentLog.$inferSelect;

export interface ConsentChange {
  customerId: string;
  channel: string;
  /** utility | marketing */
  purpose: string;
  granted: boolean;
  /** api, reply (STOP), link (one-click unsubscribe), import, webhook (provider opt-out), seed… */
  source: string;
  /** What proves the change: the inbound message id, the request's user agent… */
  detail?: Record<string, unknown>;
  at: Date;
}

/**
 * Grants or withdraws one consent, honoured by the very next send. Every change (not a repeat
 * of the current state) is appended to consent_log in the same transaction (DPDP keeps the
 * history). Answers whether anything changed.
 * @example await setConsent(db, { customerId, channel: 'whatsapp', purpose: 'marketing', granted: false, source: 'reply', at })
 */
export async function setConsent(db: Db, change: ConsentChange): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const key = and(
      eq(customerConsents.customerId, change.customerId),
      eq(customerConsents.channel, change.channel),
      eq(customerConsents.purpose, change.purpose),
    );
    const [current] = await tx.select().from(customerConsents).where(key).for('update');
    if (current?.granted === change.granted) return { changed: false };
    const row = {
      customerId: change.customerId,
      channel: change.channel,
      purpose: change.purpose,
      granted: change.granted,
      source: change.source,
      updatedAt: change.at,
    };
    await tx
      .insert(customerConsents)
      .values(row)
      .onConflictDoUpdate({
        target: [customerConsents.customerId, customerConsents.channel, customerConsents.purpose],
        set: { granted: row.granted, source: row.source, updatedAt: row.updatedAt },
      });
    await tx.insert(consentLog).values({
      customerId: change.customerId,
      channel: change.channel,
      purpose: change.purpose,
      granted: change.granted,
      source: change.source,
      detail: change.detail ?? {},
      at: change.at,
    });
    return { changed: true };
  });
}

/** A customer's current consents, by channel then purpose. */
export async function listConsents(db: Db, customerId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(customerConsents)
    .where(eq(customerConsents.customerId, customerId))
    .orderBy(asc(customerConsents.channel), asc(customerConsents.purpose));
}

/** A customer's consent history, newest first. */
export async function listConsentLog(
  db: Db,
  customerId: string,
  opts: { limit?: number } = {},
): Promise<ConsentLogRow[]> {
  return db
    .select()
    .from(consentLog)
    .where(eq(consentLog.customerId, customerId))
    .orderBy(desc(consentLog.at))
    .limit(opts.limit ?? 100);
}
