// Where a customer stands on the tier ladder: tier, rolling 12-month qualifying value, the next
// rung and how far it is. Read-only; the member page, the API and the tier nodes call it.
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyMembers, loyaltyPrograms, tierHistory, type LoyaltyMember } from '../../schema';
import type { LoyaltyProgram } from '../../schema';
import { getDefaultProgram } from './programs';
import { qualifyingValue } from './tier-qualifying';
import {
  qualifyingTierIndex,
  readTierLadder,
  tierIndexOf,
  type TierLadderTier,
  type TierMetric,
} from './tier-ladder';
import { assertValidTime } from './plan';

export interface TierStatus {
  tier: string;
  metric: TierMetric;
  /** Rolling 12 months up to asOf, in threshold units: whole ₹ for spend, a count otherwise. */
  qualifyingValue: number;
  /** The rung above the member's tier; null at the top. */
  nextTier: { name: string; threshold: number } | null;
  /** What is still missing to reach nextTier (0 at the top or once reached). */
  toNextTier: number;
  /** qualifyingValue / nextTier.threshold, clamped to 0..1 (1 at the top). */
  progress: number;
  /** The tier is kept at least until then; null until the tier engine assigned one. */
  tierPeriodEndsAt: Date | null;
  tierSince: Date | null;
  /** The tier's earn multiplier. */
  multiplier: number;
}

/** A member (or null) and the programme that applies to it (its own, else the default). */
export async function memberAndProgram(
  db: Db,
  customerId: string,
): Promise<{ member: LoyaltyMember | null; program: LoyaltyProgram | null }> {
  const [row] = await db
    .select({ member: loyaltyMembers, program: loyaltyPrograms })
    .from(loyaltyMembers)
    .leftJoin(loyaltyPrograms, eq(loyaltyPrograms.id, loyaltyMembers.programId))
    .where(eq(loyaltyMembers.customerId, customerId));
  const program = row?.program ?? (await getDefaultProgram(db));
  return { member: row?.member ?? null, program };
}

/**
 * The customer's tier status as of `asOf` (default now), or null when no programme with a tier
 * ladder is configured. The tier is the one the member holds (kept through its period even if the
 * metric fell — downgrades happen only at the period end); for an instant before the member's
 * current tier began it is read from tier_history. A customer never given a tier (not a member
 * yet, or no tier assigned) is shown the tier its qualifying value reaches.
 * @example const s = await getTierStatus(db, 'cust_42'); // { tier: 'Silver', toNextTier: 420, … }
 */
export async function getTierStatus(
  db: Db,
  customerId: string,
  asOf: Date = new Date(),
): Promise<TierStatus | null> {
  assertValidTime(asOf, 'getTierStatus');
  const { member, program } = await memberAndProgram(db, customerId);
  const ladder = readTierLadder(program?.tiers);
  const [base] = ladder;
  if (!base) return null;
  const value = await qualifyingValue(db, { customerId, metric: base.metric, asOf });
  const held = await heldTier(db, member, asOf);
  const heldIndex = held ? tierIndexOf(ladder, held.name) : -1;
  const index = heldIndex >= 0 ? heldIndex : qualifyingTierIndex(ladder, value);
  return describeStatus(ladder, index, value, heldIndex >= 0 ? held : null);
}

/** The tier the member held at `asOf`: the member row, or tier_history before its tier_since. */
async function heldTier(
  db: Db,
  member: LoyaltyMember | null,
  asOf: Date,
): Promise<{ name: string; since: Date; periodEndsAt: Date | null } | null> {
  if (!member?.tierSince) return null;
  if (member.tierSince <= asOf)
    return { name: member.tier, since: member.tierSince, periodEndsAt: member.tierPeriodEndsAt };
  const [row] = await db
    .select()
    .from(tierHistory)
    .where(and(eq(tierHistory.customerId, member.customerId), lte(tierHistory.occurredAt, asOf)))
    .orderBy(desc(tierHistory.occurredAt), desc(tierHistory.id))
    .limit(1);
  return row ? { name: row.toTier, since: row.occurredAt, periodEndsAt: row.periodEndsAt } : null;
}

/** Pure: the status of holding ladder[index] with `value`. */
export function describeStatus(
  ladder: readonly TierLadderTier[],
  index: number,
  value: number,
  held: { since: Date; periodEndsAt: Date | null } | null,
): TierStatus {
  const tier = ladder[index] ?? ladder[0];
  if (!tier) throw new Error('describeStatus: empty tier ladder');
  const next = ladder[index + 1];
  return {
    tier: tier.name,
    metric: tier.metric,
    qualifyingValue: value,
    nextTier: next ? { name: next.name, threshold: next.threshold } : null,
    toNextTier: next ? Math.max(0, next.threshold - value) : 0,
    progress: next ? Math.min(1, Math.max(0, value / next.threshold)) : 1,
    tierPeriodEndsAt: held?.periodEndsAt ?? null,
    tierSince: held?.since ?? null,
    multiplier: tier.multiplier,
  };
}
