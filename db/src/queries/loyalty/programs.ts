import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyPrograms, type LoyaltyProgram } from '../../schema';

export interface ProgramInput {
  name: string;
  pointsPer100Rupees?: number;
  earnOnEvent?: string;
  expiryDays?: number;
  pointValuePaise?: number;
  /** Validated by the caller (web/nodes own the shape). */
  tiers?: unknown;
  redemptionOptions?: unknown;
  /** Cart total (paise) that offers a redemption at cart; null: the smallest option's value. */
  cartRedemptionMinPaise?: number | null;
}

/** Fallback lot term when a member has no programme yet: 12 months rolling. */
export const DEFAULT_EXPIRY_DAYS = 365;

/** Creates a programme; omitted settings take the schema defaults. */
export async function createProgram(db: Db, input: ProgramInput): Promise<LoyaltyProgram> {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [row] = await db
    .insert(loyaltyPrograms)
    .values({ ...given, name: input.name })
    .returning();
  if (!row) throw new Error('createProgram: insert returned no row');
  return row;
}

/**
 * Replaces a programme's settings (those given; omitted ones stay) and stamps updated_at; null
 * for an unknown id. Existing lots keep their expiry: a new term applies to new credits only.
 */
export async function updateProgram(
  db: Db,
  id: string,
  input: Partial<ProgramInput>,
): Promise<LoyaltyProgram | null> {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [row] = await db
    .update(loyaltyPrograms)
    .set({ ...given, updatedAt: new Date() })
    .where(eq(loyaltyPrograms.id, id))
    .returning();
  return row ?? null;
}

/** One programme, or null. */
export async function getProgram(db: Db, id: string): Promise<LoyaltyProgram | null> {
  const [row] = await db.select().from(loyaltyPrograms).where(eq(loyaltyPrograms.id, id));
  return row ?? null;
}

/** The programme new members join: the first one configured (Yatra runs one brand). */
export async function getDefaultProgram(db: Db): Promise<LoyaltyProgram | null> {
  const [row] = await db
    .select()
    .from(loyaltyPrograms)
    .orderBy(asc(loyaltyPrograms.createdAt), asc(loyaltyPrograms.id))
    .limit(1);
  return row ?? null;
}

/**
 * Base points for an amount: floor(₹ × rate / 100). Tier and promo multipliers apply on top
 * (DOMAIN.md §4: earn = base × tier × promo); integer maths so no fraction of a point appears.
 */
export function basePointsFor(amountPaise: number, pointsPer100Rupees: number): number {
  return Math.floor((Math.max(0, amountPaise) * pointsPer100Rupees) / 10_000);
}
