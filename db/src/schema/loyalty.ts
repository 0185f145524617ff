import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';

// The points ledger is lot-based (DOMAIN.md §4, docs/loyalty-ledger.md): every credit is a lot
// with its own expiry, every debit records which lots paid for it.

export const LEDGER_KINDS = ['earn', 'redeem', 'expire', 'adjust', 'reverse'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A brand's programme: earn rate, expiry, point value; tiers and redemption options as JSON. */
export const loyaltyPrograms = pgTable(
  'loyalty_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Points per ₹100 spent: an integer basis, so "1 point per ₹10" is 10 with no fractions. */
    pointsPer100Rupees: integer('points_per_100_rupees').notNull().default(10),
    /** The order event that earns (COD orders earn only once delivered). */
    earnOnEvent: text('earn_on_event').notNull().default('order.delivered'),
    /** Rolling expiry of each earned lot. */
    expiryDays: integer('expiry_days').notNull().default(365),
    /** What one point is worth at redemption (10 = ₹0.10), for the liability report. */
    pointValuePaise: integer('point_value_paise').notNull().default(10),
    /** Tier ladder; validated at the edge (web/nodes own its type). */
    tiers: jsonb('tiers').$type<unknown>().notNull().default([]),
    /** e.g. 500 points = ₹50 off; validated at the edge. */
    redemptionOptions: jsonb('redemption_options').$type<unknown>().notNull().default([]),
    /**
     * Smallest cart total (paise) that offers a redemption at cart; null means "the smallest
     * redemption option's value" (docs/loyalty-ledger.md, cart.redemption_eligible).
     */
    cartRedemptionMinPaise: integer('cart_redemption_min_paise'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('loyalty_programs_points_per_100_rupees_check', sql`${t.pointsPer100Rupees} >= 0`),
    check('loyalty_programs_expiry_days_check', sql`${t.expiryDays} > 0`),
    check('loyalty_programs_point_value_paise_check', sql`${t.pointValuePaise} >= 0`),
    check(
      'loyalty_programs_cart_redemption_min_paise_check',
      sql`${t.cartRedemptionMinPaise} >= 0`,
    ),
  ],
);

/**
 * A customer in the programme. Its row is the lock every ledger write takes (no overdraw); the
 * ledger functions of 0004_ledger_fast_path.sql take it. fillfactor 90 (set in that migration:
 * drizzle does not model table storage parameters) leaves room for in-place updates of it.
 */
export const loyaltyMembers = pgTable(
  'loyalty_members',
  {
    customerId: text('customer_id')
      .primaryKey()
      .references(() => customers.id),
    /** Null only when the member joined before any programme was configured. */
    programId: uuid('program_id').references(() => loyaltyPrograms.id),
    tier: text('tier').notNull().default('Bronze'),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }),
    /**
     * The latest business time of any entry or allocation: a balance asked for at or after it
     * can trust lots.remaining (the fast path); earlier instants replay allocations.
     */
    lastEntryAt: timestamp('last_entry_at', { withTimezone: true, mode: 'date' }),
    /** Reversed points that no lot could cover: a negative balance, settled by the next credits. */
    pointsOwed: integer('points_owed').notNull().default(0),
    /** When the current tier was achieved or last changed; null until the tier engine assigns one. */
    tierSince: timestamp('tier_since', { withTimezone: true, mode: 'date' }),
    /**
     * The tier is kept at least until then (12 months from achieving or requalifying); only the
     * nightly recalculation may downgrade, and only once this has passed.
     */
    tierPeriodEndsAt: timestamp('tier_period_ends_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('loyalty_members_points_owed_check', sql`${t.pointsOwed} >= 0`),
    // Nightly downgrade warnings and downgrades: members whose tier period ends soon.
    index('loyalty_members_tier_period_idx').on(t.tierPeriodEndsAt),
  ],
);

/** Append-only movements (a trigger refuses UPDATE and DELETE). Signed points. */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => loyaltyMembers.customerId),
    kind: text('kind').$type<LedgerKind>().notNull(),
    /** earn and positive adjust > 0; redeem, expire, reverse and negative adjust < 0. */
    points: integer('points').notNull(),
    /** Reason code: order, birthday, redemption, expiry, return, cancel, manual… */
    reason: text('reason').notNull(),
    orderId: text('order_id'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Business time (may be virtual or in the past); balances are computed on it. */
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Balance as of occurred_at right after this entry (null for set-based expiry entries). */
    balanceAfter: integer('balance_after'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('points_ledger_customer_occurred_idx').on(t.customerId, t.occurredAt),
    index('points_ledger_order_idx')
      .on(t.customerId, t.orderId)
      .where(sql`order_id is not null`),
    check(
      'points_ledger_kind_check',
      sql.raw(`kind in (${LEDGER_KINDS.map((k) => `'${k}'`).join(', ')})`),
    ),
    check(
      'points_ledger_points_sign_check',
      sql.raw(
        `(kind = 'earn' and points > 0) or (kind in ('redeem', 'expire', 'reverse') and points < 0)` +
          ` or (kind = 'adjust' and points <> 0)`,
      ),
    ),
  ],
);

/** One lot per credit entry: what is left of it and when it expires. */
export const pointsLots = pgTable(
  'points_lots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => loyaltyMembers.customerId),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => pointsLedger.id),
    earned: integer('earned').notNull(),
    /** Now-state cache of earned − allocations; the CHECK is the no-overdraw backstop. */
    remaining: integer('remaining').notNull(),
    earnedAt: timestamp('earned_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    orderId: text('order_id'),
  },
  (t) => [
    // The "balance now" path is points_lots_live_idx, hand-written in 0001_loyalty.sql because
    // drizzle cannot declare INCLUDE: (customer_id) INCLUDE (expires_at, earned_at, remaining)
    // WHERE remaining > 0 — an index-only scan of the member's live lots. (A multi-column key
    // with the range columns loses to the plain customer index in the planner's costing.)
    // Every lot of a member, for history and balances at past instants.
    index('points_lots_customer_idx').on(t.customerId),
    // Expiry job and expiry warnings: lots expiring soon that still hold points.
    index('points_lots_expiring_idx')
      .on(t.expiresAt)
      .where(sql`remaining > 0`),
    check('points_lots_earned_check', sql`${t.earned} > 0`),
    check(
      'points_lots_remaining_check',
      sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.earned}`,
    ),
    check('points_lots_expiry_check', sql`${t.expiresAt} > ${t.earnedAt}`),
  ],
);

/** Which lots paid for which debit entry (redeem, expire, reverse, negative adjust). */
export const lotAllocations = pgTable(
  'lot_allocations',
  {
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => pointsLedger.id),
    lotId: bigint('lot_id', { mode: 'number' })
      .notNull()
      .references(() => pointsLots.id),
    points: integer('points').notNull(),
    /**
     * When the points left the lot: the entry's time, or the lot's earn time when a later earn
     * settles a reversal's debt. Denormalised so as-of balances need no join.
     */
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.lotId] }),
    index('lot_allocations_lot_idx').on(t.lotId, t.occurredAt),
    check('lot_allocations_points_check', sql`${t.points} > 0`),
  ],
);

export const TIER_CHANGE_REASONS = ['initial', 'upgrade', 'downgrade'] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];

/** Every tier a member was given, and why (append-only by convention; the tier engine writes it). */
export const tierHistory = pgTable(
  'tier_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => loyaltyMembers.customerId),
    /** Null for the first tier a member is given. */
    fromTier: text('from_tier'),
    toTier: text('to_tier').notNull(),
    reason: text('reason').$type<TierChangeReason>().notNull(),
    /** spend, orders or visits: the programme's qualifying metric at the time. */
    metric: text('metric').notNull(),
    /** The rolling 12-month value that decided it: whole ₹ for spend, a count otherwise. */
    qualifyingValue: bigint('qualifying_value', { mode: 'number' }).notNull(),
    /** The end of the tier period this change started. */
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('tier_history_customer_idx').on(t.customerId, t.occurredAt),
    check(
      'tier_history_reason_check',
      sql.raw(`reason in (${TIER_CHANGE_REASONS.map((r) => `'${r}'`).join(', ')})`),
    ),
  ],
);

export type LoyaltyProgram = typeof loyaltyPrograms.$inferSelect;
export type LoyaltyMember = typeof loyaltyMembers.$inferSelect;
export type LedgerEntry = typeof pointsLedger.$inferSelect;
export type PointsLot = typeof pointsLots.$inferSelect;
export type LotAllocation = typeof lotAllocations.$inferSelect;
export type TierHistoryRow = typeof tierHistory.$inferSelect;
