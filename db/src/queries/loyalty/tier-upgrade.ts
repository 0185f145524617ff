import type { Db } from '../../client';
import { assertValidTime } from './plan';
import { runTierStatement, type TierChange } from './tier-recalc';

/**
 * Upgrades one member the moment its rolling 12-month metric crosses a higher threshold (call it
 * after an earn or a delivered order), or gives a member its first tier. Never downgrades: that
 * waits for the period end (recalculateTiers). Writes tier_history and emits loyalty.tier_changed
 * in the same statement; returns the change, or null when the tier stands (or the customer is
 * not a member of a programme with tiers).
 */
export async function applyTierUpgrade(
  db: Db,
  customerId: string,
  at: Date,
): Promise<TierChange | null> {
  assertValidTime(at, 'applyTierUpgrade');
  const { changes } = await runTierStatement(db, { at, downgrades: false, customerId });
  return changes[0] ?? null;
}
