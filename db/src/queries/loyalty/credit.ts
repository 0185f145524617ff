// Writing a credit (earn or positive adjustment) in one call of loyalty_credit
// (0004_ledger_fast_path.sql): under the member lock, an entry, its lot with its own expiry and —
// if a reversal left the member owing points — the settlement of that debt from the new lot.
import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { optionalInt } from '../parse';
import { assertSameMovement } from './entries';
import { callLedger, entryOf, type LedgerCall } from './ledger-call';
import { DEFAULT_EXPIRY_DAYS } from './programs';
import { UnknownCustomerError, type EarnResult } from './types';

export interface CreditInput {
  kind: 'earn' | 'adjust';
  customerId: string;
  points: number;
  reason: string;
  orderId: string | null;
  idempotencyKey: string;
  occurredAt: Date;
  /** Undefined: the programme's expiry days after occurredAt (DEFAULT_EXPIRY_DAYS without one). */
  expiresAt: Date | undefined;
  meta: Record<string, unknown>;
}

/**
 * Credits points as a new lot, enrolling the customer on a first credit. Idempotent on the key:
 * a replay (same customer, kind and points) returns the original entry and lot; another movement
 * under the key is an IdempotencyKeyConflictError.
 */
export async function writeCredit(db: Db, input: CreditInput): Promise<EarnResult> {
  const call = await callLedger(
    db,
    sql`loyalty_credit(${input.kind}::text, ${input.customerId}::text, ${input.points}::integer,
      ${input.reason}::text, ${input.orderId}::text, ${input.idempotencyKey}::text,
      ${input.occurredAt}::timestamptz, ${input.expiresAt ?? null}::timestamptz,
      ${DEFAULT_EXPIRY_DAYS}::integer, ${JSON.stringify(input.meta)}::jsonb)`,
    input.idempotencyKey,
  );
  if (call.status === 'unknown-customer') throw new UnknownCustomerError(input.customerId);
  if (call.status !== 'created') {
    assertSameMovement(entryOf(call), {
      customerId: input.customerId,
      kinds: [input.kind],
      points: input.points,
    });
  }
  return creditResult(call);
}

/** A credit's result, read from what the entry recorded (the same for a write and a replay). */
export function creditResult(call: LedgerCall): EarnResult {
  const entry = entryOf(call);
  if (!call.lot) throw new Error(`ledger entry ${entry.id} is a credit without a lot`);
  return {
    entry,
    lot: call.lot,
    settledDebt: optionalInt(entry.meta.settledDebt) ?? 0,
    balanceAfter: entry.balanceAfter ?? 0,
    created: call.status === 'created',
  };
}
