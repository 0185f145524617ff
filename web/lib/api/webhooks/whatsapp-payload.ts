import { z } from 'zod';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@yatra/db';
import { issuesOf, ValidationError, type ApiIssue } from '../errors';

// The WhatsApp Cloud API webhook body (field `messages`): delivery statuses of what we sent and
// messages customers sent us. Only the fields Yatra uses are checked; Meta adds fields freely.

const unixSeconds = z.string().regex(/^\d{1,12}$/, 'a Unix time in seconds, as a string');

// Loose: the stored raw status keeps Meta's conversation and pricing details.
const statusSchema = z.looseObject({
  id: z.string().min(1),
  /** sent | delivered | read | failed; others (e.g. deleted) are acknowledged and ignored. */
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z.looseObject({ category: z.string().min(1).optional() }).optional(),
  errors: z
    .array(z.looseObject({ code: z.number().int(), title: z.string().optional() }))
    .optional(),
});

const inboundSchema = z.object({
  from: z.string().regex(/^\d{6,15}$/, 'the sender as digits with country code'),
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  button: z.object({ text: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
});

const messagesValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  statuses: z.array(statusSchema).optional(),
  messages: z.array(inboundSchema).optional(),
});

const payloadSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string().min(1), value: z.unknown() })),
    }),
  ),
});

export interface StatusReport {
  providerMessageId: string;
  /** Our idempotency key, echoed from the send's biz_opaque_callback_data. */
  idempotencyKey?: string;
  status: DeliveryStatus;
  at: Date;
  errorCode?: string;
  pricingCategory?: string;
  raw: unknown;
}

export interface InboundReport {
  providerMessageId: string;
  /** E.164, `+` added to Meta's digits. */
  phone: string;
  at: Date;
  /** The text, or the tapped button's / list row's title; empty for media. */
  text: string;
  type: string;
}

export interface WhatsAppWebhook {
  statuses: StatusReport[];
  inbound: InboundReport[];
  /** Statuses Yatra does not track (deleted, warning…), acknowledged only. */
  ignored: number;
}

const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);

const secondsToDate = (s: string) => new Date(Number(s) * 1000);

function inboundText(m: z.infer<typeof inboundSchema>): string {
  return (
    m.text?.body ??
    m.button?.text ??
    m.interactive?.button_reply?.title ??
    m.interactive?.list_reply?.title ??
    ''
  );
}

/**
 * Validates a webhook body and flattens its `messages` changes, in payload order. Other fields
 * (template status updates…) are skipped. Throws ValidationError naming each bad field, e.g.
 * `entry.0.changes.0.value.statuses.0.timestamp`.
 */
export function parseWhatsAppWebhook(body: unknown): WhatsAppWebhook {
  const outer = payloadSchema.safeParse(body);
  if (!outer.success)
    throw new ValidationError('Not a WhatsApp webhook payload.', issuesOf(outer.error));
  const result: WhatsAppWebhook = { statuses: [], inbound: [], ignored: 0 };
  const issues: ApiIssue[] = [];
  outer.data.entry.forEach((entry, e) =>
    entry.changes.forEach((change, c) => {
      if (change.field !== 'messages') return;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        issues.push(...issuesOf(value.error, undefined, ['entry', e, 'changes', c, 'value']));
        return;
      }
      for (const s of value.data.statuses ?? []) {
        const status = deliveryStatusSchema.safeParse(s.status);
        if (!status.success) {
          result.ignored++;
          continue;
        }
        const errorCode = s.errors?.[0]?.code;
        result.statuses.push({
          providerMessageId: s.id,
          ...(s.biz_opaque_callback_data && { idempotencyKey: s.biz_opaque_callback_data }),
          status: status.data,
          at: secondsToDate(s.timestamp),
          ...(errorCode !== undefined && { errorCode: String(errorCode) }),
          ...(s.pricing?.category && { pricingCategory: s.pricing.category }),
          raw: s,
        });
      }
      for (const m of value.data.messages ?? [])
        result.inbound.push({
          providerMessageId: m.id,
          phone: `+${m.from}`,
          at: secondsToDate(m.timestamp),
          text: inboundText(m),
          type: m.type,
        });
    }),
  );
  if (issues.length > 0)
    throw new ValidationError('The WhatsApp webhook payload is invalid.', issues);
  return result;
}
