// Redemptions and manual adjustments through the API. Not enough points is an expected outcome
// (the route answers 409 with the balance), not an exception; a replayed idempotency key returns
// the original movement (200) and moves nothing.
import {
  adjustPoints,
  getDefaultProgram,
  getProgram,
  IdempotencyKeyConflictError,
  readRedemptionOptions,
  redeemPoints,
  UnknownCustomerError,
  type Db,
  type LoyaltyMember,
  type RedemptionOptionLike,
} from '@yatra/db';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { json } from '../respond';
import { requireMember } from './members';
import { parseBody } from './parse';
import { adjustmentBodySchema, redemptionBodySchema } from './schemas';

/** A debit refused because the balance at its time is smaller: nothing was written. */
export interface Insufficient {
  ok: false;
  balance: number;
  requested: number;
}

export interface RedemptionView {
  entryId: number;
  customerId: string;
  points: number;
  option: RedemptionOptionLike | null;
  idempotencyKey: string;
  occurredAt: Date;
  /** The lots that paid, soonest-expiring first. */
  allocations: Array<{ lotId: number; points: number }>;
  /** The balance as of occurredAt, right after the redemption. */
  balanceAfter: number;
}

export interface AdjustmentView {
  entryId: number;
  customerId: string;
  points: number;
  reason: string;
  note: string;
  actor: string;
  idempotencyKey: string;
  occurredAt: Date;
  /** The new lot of a positive adjustment. */
  lot: { id: number; expiresAt: Date } | null;
  balanceAfter: number;
}

type Outcome<T> = { ok: true; created: boolean; value: T } | Insufficient;

/** A reused key or an unknown customer become the API's 409 and 404. */
function translate(error: unknown): never {
  if (error instanceof IdempotencyKeyConflictError) throw new ConflictError(error.message);
  if (error instanceof UnknownCustomerError) {
    throw new NotFoundError(`Customer ${error.customerId} not found.`);
  }
  throw error;
}

/** The member's programme's option with that id, or a 400 listing what it offers. */
async function findOption(
  db: Db,
  member: LoyaltyMember,
  optionId: string,
): Promise<RedemptionOptionLike> {
  const program =
    (member.programId ? await getProgram(db, member.programId) : null) ??
    (await getDefaultProgram(db));
  const options = readRedemptionOptions(program?.redemptionOptions);
  const option = options.find((o) => o.id === optionId);
  if (option) return option;
  const offered = options.map((o) => o.id).join(', ') || 'none';
  throw new ValidationError('The request body is invalid.', [
    {
      path: 'optionId',
      message: `unknown redemption option "${optionId}"; the programme offers: ${offered}`,
    },
  ]);
}

/** `POST /api/loyalty/members/:customerId/redemptions` with `{ optionId | points, idempotencyKey }`. */
export async function redeem(
  db: Db,
  customerId: string,
  body: unknown,
  now: Date = new Date(),
): Promise<Outcome<RedemptionView>> {
  const input = parseBody(redemptionBodySchema, body);
  const member = await requireMember(db, customerId);
  const option = input.optionId === undefined ? null : await findOption(db, member, input.optionId);
  const points = option?.points ?? input.points ?? 0;
  const result = await redeemPoints(db, {
    customerId,
    points,
    reason: 'redemption',
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt ?? now,
    meta: option ? { option } : {},
  }).catch(translate);
  if (!result.ok) return { ok: false, balance: result.balance, requested: result.requested };
  return {
    ok: true,
    created: result.created,
    value: {
      entryId: result.entry.id,
      customerId,
      points: -result.entry.points,
      option,
      idempotencyKey: result.entry.idempotencyKey,
      occurredAt: result.entry.occurredAt,
      allocations: result.allocations.map((a) => ({ lotId: a.lotId, points: a.points })),
      balanceAfter: result.balanceAfter,
    },
  };
}

/**
 * `POST /api/loyalty/members/:customerId/adjustments`: an audited manual movement; the note and
 * actor are kept on the ledger entry's meta.
 */
export async function adjust(
  db: Db,
  customerId: string,
  body: unknown,
  now: Date = new Date(),
): Promise<Outcome<AdjustmentView>> {
  const input = parseBody(adjustmentBodySchema, body);
  // A credit enrolls a known customer on the spot; a debit needs a member to take from.
  if (input.points < 0) await requireMember(db, customerId);
  const result = await adjustPoints(db, {
    customerId,
    points: input.points,
    reason: input.reason,
    note: input.note,
    actor: input.actor,
    idempotencyKey: input.idempotencyKey,
    occurredAt: input.occurredAt ?? now,
    expiresAt: input.expiresAt,
  }).catch(translate);
  if (!result.ok) return { ok: false, balance: result.balance, requested: result.requested };
  const { entry } = result;
  return {
    ok: true,
    created: result.created,
    value: {
      entryId: entry.id,
      customerId,
      points: entry.points,
      reason: entry.reason,
      note: String(entry.meta.note ?? ''),
      actor: String(entry.meta.actor ?? ''),
      idempotencyKey: entry.idempotencyKey,
      occurredAt: entry.occurredAt,
      lot: result.lot ? { id: result.lot.id, expiresAt: result.lot.expiresAt } : null,
      balanceAfter: result.balanceAfter,
    },
  };
}

/**
 * 201 with the new movement, 200 for a replayed key (nothing moved), or 409 with the balance
 * when the member has too few points (nothing written, the key stays unused).
 */
export function movementResponse<T>(outcome: Outcome<T>, name: string): Response {
  if (!outcome.ok) {
    return json(
      {
        error: `Not enough points: the balance is ${outcome.balance}, ${outcome.requested} requested.`,
        issues: [],
        balance: outcome.balance,
        requested: outcome.requested,
      },
      409,
    );
  }
  return json({ [name]: outcome.value }, outcome.created ? 201 : 200);
}
