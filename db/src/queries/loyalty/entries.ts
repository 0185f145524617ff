// Idempotency: a replayed key must describe the same movement as the entry written under it.
import type { LedgerEntry, LedgerKind } from '../../schema';
import { IdempotencyKeyConflictError } from './types';

/**
 * A replayed key must describe the same movement; otherwise the caller reused a key by mistake
 * and silently returning the old entry would hide a lost movement.
 */
export function assertSameMovement(
  existing: LedgerEntry,
  expected: { customerId: string; kinds: readonly LedgerKind[]; points?: number; orderId?: string },
): void {
  const same =
    existing.customerId === expected.customerId &&
    expected.kinds.includes(existing.kind) &&
    (expected.points === undefined || existing.points === expected.points) &&
    (expected.orderId === undefined || existing.orderId === expected.orderId);
  if (!same) {
    throw new IdempotencyKeyConflictError(
      existing.idempotencyKey,
      `${existing.kind} ${existing.points} for customer ${existing.customerId}`,
    );
  }
}
