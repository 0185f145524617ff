// The loyalty service the worker gives action nodes (`ctx.loyalty`), bound to the run's customer
// and backed by the points ledger in db/ (docs/loyalty-ledger.md). Writes carry the step's
// idempotency key, so a retried activity credits or spends once.
import { ApplicationFailure } from '@temporalio/common';
import {
  earnPoints,
  enrollMember,
  getBalance,
  getLots,
  getMember,
  getTierStatus,
  memberAndProgram,
  readRedemptionOptions,
  redeemPoints,
  type Db,
} from '@yatra/db';
import { DAY_MS, type LoyaltyService, type LoyaltyStatus } from '@yatra/nodes';

/** Ledger entries a journey writes say so, for the member's history and the audit trail. */
const JOURNEY_META = { source: 'journey' };

/**
 * `ctx.loyalty` for one step of `customerId`'s run.
 * @example createNodeContext(effect, state, { …, loyalty: createLoyaltyNodeService(db, 'cust_42') })
 */
export function createLoyaltyNodeService(db: Db, customerId: string): LoyaltyService {
  return {
    async enroll({ at }) {
      const { member, created } = await enrollMember(db, { customerId, joinedAt: at });
      // A membership has no idempotency key: a retry of the step that enrolled the customer
      // recognises its own join time, so it takes the same port as the attempt that joined.
      return { created: created || member.joinedAt.getTime() === at.getTime() };
    },

    async earnBonus({ points, reason, expiresInDays, idempotencyKey, at }) {
      const earned = await earnPoints(db, {
        customerId,
        points,
        reason,
        idempotencyKey,
        occurredAt: at,
        expiresAt:
          expiresInDays === undefined ? undefined : new Date(at.getTime() + expiresInDays * DAY_MS),
        meta: JOURNEY_META,
      });
      return { created: earned.created, expiresAt: earned.lot.expiresAt };
    },

    async redeem(input) {
      const { idempotencyKey, at } = input;
      const option = 'optionId' in input ? await findOption(db, customerId, input.optionId) : null;
      const points = option ? option.points : 'points' in input ? input.points : 0;
      const result = await redeemPoints(db, {
        customerId,
        points,
        reason: 'redemption',
        idempotencyKey,
        occurredAt: at,
        meta: option
          ? { ...JOURNEY_META, optionId: option.id, valuePaise: option.valuePaise }
          : JOURNEY_META,
      });
      if (!result.ok) return result;
      return { ok: true, points, created: result.created, option };
    },

    async getStatus({ asOf, expiringWithinDays }): Promise<LoyaltyStatus> {
      const [member, balance, tier, lots] = await Promise.all([
        getMember(db, customerId),
        getBalance(db, customerId, asOf),
        getTierStatus(db, customerId, asOf),
        getLots(db, customerId, asOf),
      ]);
      const horizon = asOf.getTime() + expiringWithinDays * DAY_MS;
      // getLots lists lots in spending order, soonest expiry first.
      const due = lots.filter((l) => l.status === 'active' && l.expiresAt.getTime() <= horizon);
      return {
        member: member !== null,
        balance,
        tier: tier?.tier ?? null,
        metric: tier?.metric ?? null,
        nextTier: tier?.nextTier ?? null,
        toNextTier: tier?.toNextTier ?? 0,
        progress: tier?.progress ?? 0,
        expiring: {
          points: due.reduce((sum, l) => sum + l.remaining, 0),
          at: due[0]?.expiresAt ?? null,
        },
      };
    },
  };
}

/** The programme's redemption option `optionId`; a typo in a journey fails the step for good. */
async function findOption(db: Db, customerId: string, optionId: string) {
  const { program } = await memberAndProgram(db, customerId);
  const options = readRedemptionOptions(program?.redemptionOptions);
  const option = options.find((o) => o.id === optionId);
  if (!option) {
    throw ApplicationFailure.nonRetryable(
      `unknown redemption option "${optionId}" (the programme has ${options.map((o) => o.id).join(', ') || 'none'})`,
    );
  }
  return {
    id: option.id,
    label: option.label,
    points: option.points,
    valuePaise: option.valuePaise,
  };
}
