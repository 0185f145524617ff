import {
  enrollMember,
  getBalance,
  getCustomer,
  getLots,
  getMember,
  getTierStatus,
  listEntries,
  UnknownCustomerError,
  type Db,
  type LedgerEntry,
  type LoyaltyMember,
  type LotView,
  type TierStatus,
} from '@yatra/db';
import { parseQuery } from '../customers';
import { NotFoundError } from '../errors';
import { parseBody } from './parse';
import { findProgram } from './program';
import { enrollBodySchema, memberQuerySchema } from './schemas';

/** `GET /api/loyalty/members/:customerId`: the member as of one instant. */
export interface MemberView {
  customerId: string;
  programId: string | null;
  joinedAt: Date;
  lastActivityAt: Date | null;
  /** The instant everything below is computed for. */
  asOf: Date;
  /** What remains of unexpired lots at asOf (negative only while a reversal debt is owed). */
  balance: number;
  /** balance × the programme's point value. */
  balanceValuePaise: number;
  /** The tier held; `status` (qualifying value, next tier, progress) once a ladder exists. */
  tier: { name: string; status: TierStatus | null };
  /** The soonest expiry among lots still holding points at asOf. */
  nextExpiry: { points: number; expiresAt: Date } | null;
  /** Lots earned by asOf, in the order redemptions consume them. */
  lots: LotView[];
  /** Ledger entries up to asOf, newest first. */
  entries: LedgerEntry[];
}

/** The member row, or 404 saying whether the customer is unknown or simply not enrolled. */
export async function requireMember(db: Db, customerId: string): Promise<LoyaltyMember> {
  const member = await getMember(db, customerId);
  if (member) return member;
  if (!(await getCustomer(db, customerId))) {
    throw new NotFoundError(`Customer ${customerId} not found.`);
  }
  throw new NotFoundError(
    `Customer ${customerId} is not a loyalty member; POST /api/loyalty/members to enroll.`,
  );
}

/** Balance, tier, lots and history of a member as of `?asOf=` (default now). */
export async function memberView(
  db: Db,
  customerId: string,
  searchParams: URLSearchParams,
  now: Date = new Date(),
): Promise<MemberView> {
  const query = parseQuery(memberQuerySchema, searchParams);
  const member = await requireMember(db, customerId);
  const asOf = query.asOf ?? now;
  const [balance, lots, entries, status, program] = await Promise.all([
    getBalance(db, customerId, asOf),
    getLots(db, customerId, asOf),
    // Entries at asOf itself count (the balance rule includes them); times are whole ms.
    listEntries(db, customerId, {
      limit: query.entries,
      before: new Date(asOf.getTime() + 1),
    }),
    getTierStatus(db, customerId, asOf),
    findProgram(db),
  ]);
  return {
    customerId,
    programId: member.programId,
    joinedAt: member.joinedAt,
    lastActivityAt: member.lastActivityAt,
    asOf,
    balance,
    balanceValuePaise: balance * (program?.pointValuePaise ?? 0),
    tier: { name: status?.tier ?? member.tier, status },
    nextExpiry: nextExpiry(lots),
    lots,
    entries,
  };
}

function nextExpiry(lots: LotView[]): MemberView['nextExpiry'] {
  const active = lots.filter((l) => l.status === 'active');
  const [first] = active;
  if (!first) return null;
  const at = first.expiresAt.getTime();
  const points = active
    .filter((l) => l.expiresAt.getTime() === at)
    .reduce((sum, l) => sum + l.remaining, 0);
  return { points, expiresAt: first.expiresAt };
}

/** `POST /api/loyalty/members`: one-tap join; enrolling twice keeps the first membership. */
export async function enroll(
  db: Db,
  body: unknown,
): Promise<{ member: LoyaltyMember; created: boolean }> {
  const input = parseBody(enrollBodySchema, body);
  try {
    return await enrollMember(db, { customerId: input.customerId, joinedAt: input.joinedAt });
  } catch (error) {
    if (error instanceof UnknownCustomerError) {
      throw new NotFoundError(`Customer ${input.customerId} not found.`);
    }
    throw error;
  }
}
