import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { optionalInt } from '../parse';
import { assertSameMovement } from './entries';
import { callLedger, entryOf } from './ledger-call';
import { assertValidTime } from './plan';
import type { ReverseResult } from './types';

export interface ReverseInput {
  customerId: string;
  orderId: string;
  /** e.g. `order:<orderId>:reverse`. */
  idempotencyKey: string;
  occurredAt: Date;
  reason: 'return' | 'cancel';
  meta?: Record<string, unknown>;
}

/**
 * Reverses the points an order earned (a return or cancellation). The rule (docs/loyalty-ledger.md):
 * 1. The amount is what the order's lots earned, less what of them expired (or had expired by
 *    `occurredAt`: those points already left the balance) and less earlier reversals of the order.
 * 2. It is taken back from what remains of the order's own lots first.
 * 3. Points of the order already spent are taken from the member's other lots unexpired at
 *    `occurredAt`, soonest-expiring first (then from lots earned later, next earn first).
 * 4. Whatever is still missing becomes a debt: the balance goes negative by exactly that much,
 *    and the next credits (earns or positive adjustments) settle it before anything else.
 * No lot ever goes below zero. Nothing to reverse (the order never earned, or was already
 * reversed) is a result, not an error. Idempotent on the key. One round trip (loyalty_reverse).
 */
export async function reverseOrderPoints(db: Db, input: ReverseInput): Promise<ReverseResult> {
  assertValidTime(input.occurredAt, 'reverseOrderPoints');
  const call = await callLedger(
    db,
    sql`loyalty_reverse(${input.customerId}::text, ${input.orderId}::text,
      ${input.idempotencyKey}::text, ${input.occurredAt}::timestamptz, ${input.reason}::text,
      ${JSON.stringify(input.meta ?? {})}::jsonb)`,
    input.idempotencyKey,
  );
  if (call.status === 'nothing') {
    return { ok: false, reason: 'nothing-to-reverse', orderId: input.orderId };
  }
  const entry = entryOf(call);
  const created = call.status === 'created';
  if (!created) {
    assertSameMovement(entry, {
      customerId: input.customerId,
      kinds: ['reverse'],
      orderId: input.orderId,
    });
  }
  // The split was recorded on the entry: the same answer for a write and a replay.
  return {
    ok: true,
    entry,
    allocations: call.allocations,
    balanceAfter: entry.balanceAfter ?? 0,
    created,
    fromOrderLots: optionalInt(entry.meta.fromOrderLots) ?? 0,
    fromOtherLots: optionalInt(entry.meta.fromOtherLots) ?? 0,
    debt: optionalInt(entry.meta.debt) ?? 0,
  };
}
