// Spending points (redemption or negative adjustment) in one call of loyalty_debit
// (0004_ledger_fast_path.sql): under the member lock, the soonest-expiring lots unexpired at the
// debit's time pay, never more than the member has (less any reversal debt still owed).
import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { assertSameMovement } from './entries';
import { callLedger, entryOf } from './ledger-call';
import type { DebitResult, InsufficientPoints } from './types';

export interface DebitInput {
  kind: 'redeem' | 'adjust';
  customerId: string;
  /** Positive: how many points to take. */
  points: number;
  reason: string;
  idempotencyKey: string;
  occurredAt: Date;
  meta: Record<string, unknown>;
}

/**
 * Writes the debit, or returns InsufficientPoints and writes nothing (a customer who never joined
 * has 0). Idempotent on the key: a replay returns the original entry and allocations.
 */
export async function writeDebit(
  db: Db,
  input: DebitInput,
): Promise<DebitResult | InsufficientPoints> {
  const call = await callLedger(
    db,
    sql`loyalty_debit(${input.kind}::text, ${input.customerId}::text, ${input.points}::integer,
      ${input.reason}::text, ${input.idempotencyKey}::text, ${input.occurredAt}::timestamptz,
      ${JSON.stringify(input.meta)}::jsonb)`,
    input.idempotencyKey,
  );
  if (call.status === 'insufficient') {
    return {
      ok: false,
      reason: 'insufficient-points',
      balance: call.balance,
      requested: input.points,
    };
  }
  const entry = entryOf(call);
  const created = call.status === 'created';
  if (!created) {
    assertSameMovement(entry, {
      customerId: input.customerId,
      kinds: [input.kind],
      points: -input.points,
    });
  }
  return {
    ok: true,
    entry,
    allocations: call.allocations,
    balanceAfter: entry.balanceAfter ?? 0,
    created,
  };
}
