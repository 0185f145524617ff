// zod schemas of the loyalty API's bodies and query strings. Business times (`occurredAt`,
// `asOf`, `from`, `to`) accept an ISO 8601 time with an offset, or a plain date meaning midnight
// in India (the books are kept in IST).
import { z } from 'zod';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = z.iso.datetime({ offset: true });

/** A date is midnight IST; a datetime must carry its offset; null when neither. */
export function parseInstant(value: string): Date | null {
  const text = value.trim();
  const iso = DATE_ONLY.test(text) ? `${text}T00:00:00+05:30` : text;
  if (!DATE_ONLY.test(text) && !isoDateTime.safeParse(text).success) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant in a body or query string, parsed to a Date. */
export const instantSchema = z.string().transform((value, ctx) => {
  const date = parseInstant(value);
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message: 'use an ISO 8601 time with an offset (2030-01-31T10:00:00Z) or a date (2030-01-31)',
  });
  return z.NEVER;
});

const idempotencyKey = z.string().trim().min(1, 'an idempotency key is required').max(200);

export const enrollBodySchema = z.object({
  customerId: z.string().trim().min(1).max(200),
  joinedAt: instantSchema.optional(),
});

export const memberQuerySchema = z.object({
  asOf: instantSchema.optional(),
  entries: z.coerce.number().int().min(1).max(500).default(50),
});

export const redemptionBodySchema = z
  .object({
    /** A redemption option of the member's programme (e.g. `rs50-off`)… */
    optionId: z.string().trim().min(1).max(60).optional(),
    /** …or a number of points. */
    points: z.number().int().positive().optional(),
    idempotencyKey,
    /** Business time; now when absent. */
    occurredAt: instantSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.optionId === undefined) === (b.points === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [b.optionId === undefined ? 'optionId' : 'points'],
        message: 'send either optionId (a redemption option) or points, not both',
      });
    }
  });
export type RedemptionBody = z.output<typeof redemptionBodySchema>;

export const adjustmentBodySchema = z
  .object({
    /** Signed: > 0 credits a new lot, < 0 takes points like a redemption. */
    points: z
      .number()
      .int()
      .refine((n) => n !== 0, 'an adjustment moves at least one point (positive or negative)'),
    /** Reason code, e.g. manual, goodwill, correction. */
    reason: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/, 'a reason code: lower-case letters, digits, - and _')
      .default('manual'),
    /** Why, in words: manual movements are audited. */
    note: z.string().trim().min(1, 'say why: the note is kept for the audit trail').max(500),
    /** Who made it (user id or email). */
    actor: z.string().trim().min(1, 'say who made the adjustment').max(200),
    idempotencyKey,
    occurredAt: instantSchema.optional(),
    /** For a positive adjustment; defaults to the programme's expiry. */
    expiresAt: instantSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.expiresAt !== undefined && b.points < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: 'only a positive adjustment creates a lot with an expiry',
      });
    }
  });
export type AdjustmentBody = z.output<typeof adjustmentBodySchema>;

const YEAR_MS = 365 * 86_400_000;
/** Ten years of months is plenty for a chart and keeps one request bounded. */
const MAX_PERIOD_MS = 10 * YEAR_MS + 3 * 86_400_000;

export const liabilityQuerySchema = z
  .object({
    /** Exclusive start of the period; a year before `to` when absent. */
    from: instantSchema.optional(),
    /** The as-of instant (inclusive end of the period); now when absent. */
    to: instantSchema.optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .transform((q, ctx) => {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - YEAR_MS);
    if (from.getTime() >= to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
      return z.NEVER;
    }
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'a period spans at most 10 years' });
      return z.NEVER;
    }
    return { from, to, format: q.format };
  });
