import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  customerConsents,
  customers,
  inboundActivity,
  messages,
  sendSettings,
  templates,
} from '../schema';
import { isRecord } from './parse';
import type { SendSettings } from './send-settings';

/** One consent as the send rules read it. */
export interface ConsentFact {
  channel: string;
  purpose: string;
  granted: boolean;
  source: string;
}

/** Everything the send rules need from the database, read in one round trip. */
export interface SendInputs {
  settings: Omit<SendSettings, 'updatedAt'>;
  consents: ConsentFact[];
  /** Epoch ms of the customer's last inbound message on the channel, or null. */
  lastInboundAt: number | null;
  /** Marketing messages (any journey, any channel, not failed) in the cap's window before `now`. */
  marketingInWindow: number;
  /** `attributes.erasureRequestedAt` is set: the customer asked to be erased. */
  pendingErasure: boolean;
  /** `attributes.dnd` is true: the number is on the DND registry (no promotional SMS). */
  dnd: boolean;
  /** Status of the outbox row already written under `messageKey`, or null: the retry check. */
  existingStatus: string | null;
  /** Category of `templateId` registered for the channel, or null when it is not registered. */
  templateCategory: string | null;
}

const isTrue = (v: unknown) => v === true || v === 't';

function consentFacts(value: unknown): ConsentFact[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const { channel, purpose, granted, source } = item;
    return typeof channel === 'string' && typeof purpose === 'string'
      ? [{ channel, purpose, granted: granted === true, source: String(source ?? '') }]
      : [];
  });
}

// Built and prepared once per database handle: building this query costs more CPU than
// PostgreSQL spends running it (npm run bench -- send).
const preparedInputs = new WeakMap<Db, ReturnType<typeof inputsQuery>>();

function inputsQuery(db: Db) {
  const customerId = sql.placeholder('customerId');
  const channel = sql.placeholder('channel');
  return db
    .select({
      frequencyCap: sendSettings.frequencyCap,
      frequencyWindowDays: sendSettings.frequencyWindowDays,
      quietHoursStart: sendSettings.quietHoursStart,
      quietHoursEnd: sendSettings.quietHoursEnd,
      consents:
        sql`(select coalesce(json_agg(json_build_object('channel', c.channel, 'purpose', c.purpose, 'granted', c.granted, 'source', c.source)), '[]'::json)
        from ${customerConsents} c where c.customer_id = ${customerId})`.mapWith(
          (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v),
        ),
      lastInboundAt: sql`(select extract(epoch from ${inboundActivity.lastInboundAt}) * 1000
        from ${inboundActivity}
        where ${inboundActivity.customerId} = ${customerId} and ${inboundActivity.channel} = ${channel})`.mapWith(
        (v: unknown) => (v === null ? null : Number(v)),
      ),
      marketingInWindow: sql`(select count(*) from ${messages}
        where ${messages.customerId} = ${customerId} and ${messages.category} = 'marketing'
          and ${messages.status} <> 'failed'
          and ${messages.createdAt} > ${sql.placeholder('now')}::timestamptz - make_interval(days => ${sendSettings.frequencyWindowDays}))`.mapWith(
        Number,
      ),
      pendingErasure: sql`coalesce((select ${customers.attributes} ? 'erasureRequestedAt'
        from ${customers} where ${customers.id} = ${customerId}), false)`.mapWith(isTrue),
      dnd: sql`coalesce((select ${customers.attributes}->>'dnd' = 'true'
        from ${customers} where ${customers.id} = ${customerId}), false)`.mapWith(isTrue),
      existingStatus: sql<string | null>`(select ${messages.status} from ${messages}
        where ${messages.idempotencyKey} = ${sql.placeholder('messageKey')})`,
      templateCategory: sql<string | null>`(select ${templates.category} from ${templates}
        where ${templates.id} = ${sql.placeholder('templateId')} and ${templates.channel} = ${channel})`,
    })
    .from(sendSettings)
    .where(eq(sendSettings.id, 1))
    .prepare('yatra_send_inputs');
}

/**
 * Loads what one send needs in a single query: settings, consents, the last inbound message,
 * the marketing count in the cap's window, whether its outbox row exists already, and its
 * template's registered category.
 * @example await loadSendInputs(db, { customerId: 'c1', channel: 'whatsapp', now, messageKey, templateId: 'promo' })
 */
export async function loadSendInputs(
  db: Db,
  query: {
    customerId: string;
    channel: string;
    now: Date;
    /** The outbox key of this send, to learn in the same round trip whether a row exists. */
    messageKey: string;
    templateId: string;
  },
): Promise<SendInputs> {
  let prepared = preparedInputs.get(db);
  if (!prepared) {
    prepared = inputsQuery(db);
    preparedInputs.set(db, prepared);
  }
  const [row] = await prepared.execute({ ...query, now: query.now.toISOString() });
  if (!row)
    throw new Error('loadSendInputs: the send_settings row is missing (migrations insert it)');
  const { consents, frequencyCap, frequencyWindowDays, quietHoursStart, quietHoursEnd, ...rest } =
    row;
  return {
    ...rest,
    settings: { frequencyCap, frequencyWindowDays, quietHoursStart, quietHoursEnd },
    consents: consentFacts(consents),
  };
}

/**
 * Runs `fn` in a transaction holding a per-customer advisory lock, so two journeys sending
 * marketing to the same customer at once cannot both take the cap's last slot.
 */
export async function withCustomerSendLock<T>(
  db: Db,
  customerId: string,
  fn: (tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`send:${customerId}`}))`);
    return fn(tx);
  });
}
