// The loyalty ledger as action nodes see it (`ctx.loyalty`). The host binds it to the run's
// customer: the worker backs it with db/ (docs/loyalty-ledger.md), the simulator with an
// in-memory fake seeded from the simulation input. Writes take the step's idempotency key, so a
// retried activity credits or spends once.

/**
 * Where a customer stands at one instant.
 * @example const { balance, tier, toNextTier } = await ctx.loyalty!.getStatus({ asOf: ctx.now, expiringWithinDays: 30 });
 */
export interface LoyaltyStatus {
  /** False until the customer joins (explicitly, or lazily on a first credit). */
  member: boolean;
  /** Spendable points (negative only while a returned order's points are owed). */
  balance: number;
  /** The tier held; null when no programme with a tier ladder is configured. */
  tier: string | null;
  /** What the ladder qualifies on; threshold units are whole ₹ for spend, a count otherwise. */
  metric: 'spend' | 'orders' | 'visits' | null;
  /** The rung above; null at the top (or without tiers). */
  nextTier: { name: string; threshold: number } | null;
  /** Still missing to reach nextTier, in threshold units (₹420 for spend). */
  toNextTier: number;
  /** Qualifying value / next threshold, 0..1 (1 at the top). */
  progress: number;
  /** Points of lots expiring within the window asked for, and the soonest such expiry. */
  expiring: { points: number; at: Date | null };
}

/**
 * The outcome of a redemption: spent (once per idempotency key), or refused for lack of points.
 * @example if (!result.ok) return { port: 'insufficient', output: { balance: result.balance } };
 */
export type LoyaltyRedemption =
  | { ok: true; points: number; created: boolean; option: LoyaltyRedemptionOption | null }
  | { ok: false; reason: 'insufficient-points'; balance: number; requested: number };

/**
 * A programme's way to spend points (500 points = ₹50 off).
 * @example { id: 'rs50-off', label: '₹50 off', points: 500, valuePaise: 5_000 }
 */
export interface LoyaltyRedemptionOption {
  id: string;
  label?: string;
  points: number;
  /** ₹ off in paise for a discount; absent for a free product. */
  valuePaise?: number;
}

/**
 * Loyalty operations for the run's customer. Each write is idempotent on `idempotencyKey`;
 * `at` is business time (the journey's clock, virtual in simulations and tests).
 * @example
 * await ctx.loyalty!.earnBonus({ points: 200, reason: 'birthday', idempotencyKey: ctx.idempotencyKey, at: ctx.now });
 */
export interface LoyaltyService {
  /**
   * One-tap join; `created: false` when the customer already was a member — but true again on a
   * retry of the step that enrolled them, so a retried step takes the same port.
   */
  enroll(input: { idempotencyKey: string; at: Date }): Promise<{ created: boolean }>;
  /** Credits a bonus lot (expiring after `expiresInDays`, else the programme's term). */
  earnBonus(input: {
    points: number;
    reason: string;
    expiresInDays?: number;
    idempotencyKey: string;
    at: Date;
  }): Promise<{ created: boolean; expiresAt: Date }>;
  /**
   * Spends a redemption option's points (by id) or a number of points; never overdraws.
   * Rejects when the option id is not in the programme (retrying cannot help).
   */
  redeem(
    input: ({ optionId: string } | { points: number }) & { idempotencyKey: string; at: Date },
  ): Promise<LoyaltyRedemption>;
  /** Balance, tier and progress as of `asOf`, with what expires within `expiringWithinDays`. */
  getStatus(input: { asOf: Date; expiringWithinDays: number }): Promise<LoyaltyStatus>;
}
