import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { loyaltyMembers, type LoyaltyMember } from '../../schema';
import { UnknownCustomerError } from './types';

export interface EnrollInput {
  customerId: string;
  /** Defaults to the default (first configured) programme. */
  programId?: string;
  joinedAt?: Date;
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
