import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { isRecord, optionalInt } from '../parse';
import { assertValidTime } from './plan';

export interface ExpireInput {
  /** Expire every lot whose expires_at is at or before this instant. */
  asOf: Date;
  /** At most this many lots per call (the nightly job loops while hasMore). */
  limit?: number;
  /** Only this member's lots (tests, or tidying one member before showing it). */
  customerId?: string;
}

export interface ExpireResult {
  /** Lots expired by this call. */
  lots: number;
  /** Points those lots still held. */
  points: number;
  customerIds: string[];
  /** True if `limit` cut the batch short. */
  hasMore: boolean;
}

/**
 * Writes the expiry entries that are due, set-based: for each lot still holding points whose
 * expires_at <= asOf, one `expire` entry (key `expire:lot:<id>`, occurred at the lot's expiry)
 * for exactly what is left, allocated to that lot, and the lot drops to 0 — an expiry removes
 * only what remains. Balances never wait for this job (they ignore expired lots by time); it
 * makes the expiry visible as a movement. Idempotent: an expired lot holds nothing to expire.
 * One round trip per batch (loyalty_expire_lots, which locks the members first, in id order).
 */
export async function expireLots(db: Db, input: ExpireInput): Promise<ExpireResult> {
  assertValidTime(input.asOf, 'expireLots');
  const { rows } = await db.execute(sql`select loyalty_expire_lots(${input.asOf}::timestamptz,
    ${input.limit ?? null}::integer, ${input.customerId ?? null}::text) as result`);
  const result = rows[0]?.result;
  if (!isRecord(result)) throw new Error('loyalty_expire_lots returned no JSON object');
  return {
    lots: optionalInt(result.lots) ?? 0,
    points: optionalInt(result.points) ?? 0,
    customerIds: toStrings(result.customerIds),
    hasMore: result.hasMore === true,
  };
}

function toStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
