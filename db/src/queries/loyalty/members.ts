import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyMembers, loyaltyPrograms, type LoyaltyMember } from '../../schema';
import { DEFAULT_EXPIRY_DAYS } from './programs';
import { UnknownCustomerError } from './types';

export interface EnrollInput {
  customerId: string;
  /** Defaults to the default (first configured) programme. */
  programId?: string;
  joinedAt?: Date;
}

/** A member row locked for one ledger write, with its programme's lot term. */
export interface LockedMember {
  member: LoyaltyMember;
  expiryDays: number;
}

/**
 * Inserts the member unless it exists; a no-op (not an error) for an unknown customer, so the
 * caller's transaction is not aborted by a foreign-key violation and can report it cleanly.
 */
async function insertMember(
  db: Db,
  input: { customerId: string; joinedAt: Date; programId?: string },
): Promise<boolean> {
  const program =
    input.programId === undefined
      ? sql`(select id from loyalty_programs order by created_at, id limit 1)`
      : sql`${input.programId}::uuid`;
  const result = await db.execute(sql`
    insert into loyalty_members (customer_id, program_id, joined_at)
    select c.id, ${program}, ${input.joinedAt}::timestamptz from customers c where c.id = ${input.customerId}
    on conflict (customer_id) do nothing`);
  return (result.rowCount ?? 0) > 0;
}

/** Enrolls a customer (one-tap join); enrolling twice keeps the first membership. */
export async function enrollMember(
  db: Db,
  input: EnrollInput,
): Promise<{ member: LoyaltyMember; created: boolean }> {
  const created = await insertMember(db, { ...input, joinedAt: input.joinedAt ?? new Date() });
  const member = await getMember(db, input.customerId);
  if (!member) throw new UnknownCustomerError(input.customerId);
  return { member, created };
}

/** One member, or null if the customer never joined. */
export async function getMember(db: Db, customerId: string): Promise<LoyaltyMember | null> {
  const [row] = await db
    .select()
    .from(loyaltyMembers)
    .where(eq(loyaltyMembers.customerId, customerId));
  return row ?? null;
}

/**
 * Locks the member row (SELECT … FOR UPDATE) for the rest of the transaction: every write to one
 * member's ledger is serialised on it, which is what makes overdraw impossible. Null if the
 * customer is not a member (a debit then has nothing to spend).
 */
export async function lockMember(tx: Db, customerId: string): Promise<LockedMember | null> {
  const [row] = await tx
    .select({ member: loyaltyMembers, expiryDays: loyaltyPrograms.expiryDays })
    .from(loyaltyMembers)
    .leftJoin(loyaltyPrograms, eq(loyaltyPrograms.id, loyaltyMembers.programId))
    .where(eq(loyaltyMembers.customerId, customerId))
    .for('update', { of: loyaltyMembers });
  return row ? { member: row.member, expiryDays: row.expiryDays ?? DEFAULT_EXPIRY_DAYS } : null;
}

/** Enrolls the customer if needed (lazy enrollment on a first credit), then locks the member. */
export async function enrollAndLock(tx: Db, customerId: string, at: Date): Promise<LockedMember> {
  await insertMember(tx, { customerId, joinedAt: at });
  const locked = await lockMember(tx, customerId);
  if (!locked) throw new UnknownCustomerError(customerId);
  return locked;
}

/**
 * Records a write on the locked member: moves the high-water mark that guards the fast balance
 * path, the activity time (for engagement, not expiry) and the owed points.
 */
export async function touchMember(
  tx: Db,
  customerId: string,
  change: { at: Date; activity: boolean; owedDelta: number },
): Promise<void> {
  await tx
    .update(loyaltyMembers)
    .set({
      lastEntryAt: sql`greatest(${loyaltyMembers.lastEntryAt}, ${change.at}::timestamptz)`,
      ...(change.activity
        ? {
            lastActivityAt: sql`greatest(${loyaltyMembers.lastActivityAt}, ${change.at}::timestamptz)`,
          }
        : {}),
      pointsOwed: sql`${loyaltyMembers.pointsOwed} + ${change.owedDelta}::int`,
    })
    .where(eq(loyaltyMembers.customerId, customerId));
}
