// Earn for an order: base points from the programme's rate × the tier multiplier × a promo
// multiplier (DOMAIN.md §4), credited once per order under `order:<orderId>:earn`.
import type { Db } from '../../client';
import { creditResult } from './credit';
import { earnPoints } from './earn';
import { assertSameMovement } from './entries';
import { entryOf, replayByKey } from './ledger-call';
import { assertValidTime } from './plan';
import { basePointsFor } from './programs';
import { readTierLadder, tierIndexOf } from './tier-ladder';
import { memberAndProgram } from './tier-status';
import type { EarnResult } from './types';

export interface EarnForOrderInput {
  customerId: string;
  orderId: string;
  /** What the order earns on (its total, integer paise). */
  amountPaise: number;
  /** Business time of the earning event (delivery, or placement for prepaid orders). */
  at: Date;
  /** A campaign's multiplier on top of the tier's (default 1). */
  promoMultiplier?: number;
}

export type EarnForOrderResult =
  | (EarnResult & {
      ok: true;
      basePoints: number;
      tier: string | null;
      tierMultiplier: number;
      promoMultiplier: number;
    })
  | { ok: false; reason: 'no-program' | 'no-points'; orderId: string };

/** The idempotency key of an order's earn: an order earns once, however often its event arrives. */
export const orderEarnKey = (orderId: string) => `order:${orderId}:earn`;

/**
 * Credits an order's points: floor(base × tier multiplier × promo multiplier), where base is
 * floor(₹ × rate / 100) and the tier is the one the member holds before this order (the order
 * that crosses a threshold earns at the old multiplier; a customer without a tier earns at the
 * bottom rung's). Lazily enrolls. Idempotent: a replay returns the original earn and computes
 * nothing, so a tier that moved since cannot turn the replay into a key conflict.
 */
export async function earnForOrder(db: Db, input: EarnForOrderInput): Promise<EarnForOrderResult> {
  assertValidTime(input.at, 'earnForOrder');
  const promoMultiplier = input.promoMultiplier ?? 1;
  if (!Number.isFinite(promoMultiplier) || promoMultiplier <= 0)
    throw new RangeError(`earnForOrder: promoMultiplier must be positive, got ${promoMultiplier}`);
  const key = orderEarnKey(input.orderId);
  const existing = await replayByKey(db, key);
  if (existing) {
    const entry = entryOf(existing);
    assertSameMovement(entry, {
      customerId: input.customerId,
      kinds: ['earn'],
      orderId: input.orderId,
    });
    const meta = entry.meta;
    return {
      ...creditResult(existing),
      ok: true,
      basePoints: numberOr(meta.basePoints, entry.points),
      tier: typeof meta.tier === 'string' ? meta.tier : null,
      tierMultiplier: numberOr(meta.tierMultiplier, 1),
      promoMultiplier: numberOr(meta.promoMultiplier, 1),
    };
  }

  const { member, program } = await memberAndProgram(db, input.customerId);
  if (!program) return { ok: false, reason: 'no-program', orderId: input.orderId };
  const ladder = readTierLadder(program.tiers);
  const heldIndex = member?.tierSince ? tierIndexOf(ladder, member.tier) : -1;
  const tier = ladder[heldIndex] ?? ladder[0] ?? null;
  const tierMultiplier = tier?.multiplier ?? 1;
  const basePoints = basePointsFor(input.amountPaise, program.pointsPer100Rupees);
  // The epsilon keeps 0.1-step multipliers from flooring 149.99999 to 149.
  const points = Math.floor(basePoints * tierMultiplier * promoMultiplier + 1e-9);
  if (points <= 0) return { ok: false, reason: 'no-points', orderId: input.orderId };

  const earned = await earnPoints(db, {
    customerId: input.customerId,
    points,
    reason: 'order',
    orderId: input.orderId,
    idempotencyKey: key,
    occurredAt: input.at,
    meta: {
      amountPaise: input.amountPaise,
      basePoints,
      tier: tier?.name ?? null,
      tierMultiplier,
      promoMultiplier,
    },
  });
  return {
    ...earned,
    ok: true,
    basePoints,
    tier: tier?.name ?? null,
    tierMultiplier,
    promoMultiplier,
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
