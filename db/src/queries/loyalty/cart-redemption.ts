// "Redeem at cart" (DOMAIN.md §4): when a cart reaches the threshold and the member can afford
// the smallest redemption option, offer it once per cart session (cart.redemption_eligible).
import type { Db } from '../../client';
import type { IngestEventInput } from '../events';
import { getBalance } from './balance';
import { LOYALTY_EVENTS } from './loyalty-events';
import { assertValidTime } from './plan';
import { readRedemptionOptions, type RedemptionOptionLike } from './tier-ladder';
import { memberAndProgram } from './tier-status';

export type CartOffer =
  | {
      eligible: true;
      balance: number;
      /** The smallest redemption option: what the message offers ("500 points = ₹50 off"). */
      option: RedemptionOptionLike;
      /** The option's value in paise (0 for a free product). */
      valuePaise: number;
      minCartTotalPaise: number;
    }
  | {
      eligible: false;
      reason:
        | 'no-program'
        | 'no-options'
        | 'not-a-member'
        | 'cart-below-threshold'
        | 'insufficient-points';
    };

/**
 * Whether a cart of `cartTotalPaise` should offer a redemption at `at`: the customer is a member,
 * the cart total reaches the programme's `cartRedemptionMinPaise` (unset: the smallest option's
 * value, so the discount never exceeds the cart), and the balance covers the smallest option.
 */
export async function cartRedemptionOffer(
  db: Db,
  input: { customerId: string; cartTotalPaise: number; at: Date },
): Promise<CartOffer> {
  assertValidTime(input.at, 'cartRedemptionOffer');
  const { member, program } = await memberAndProgram(db, input.customerId);
  if (!program) return { eligible: false, reason: 'no-program' };
  const [option] = readRedemptionOptions(program.redemptionOptions);
  if (!option) return { eligible: false, reason: 'no-options' };
  if (!member) return { eligible: false, reason: 'not-a-member' };
  const valuePaise = option.valuePaise ?? 0;
  const minCartTotalPaise = program.cartRedemptionMinPaise ?? valuePaise;
  if (input.cartTotalPaise < minCartTotalPaise)
    return { eligible: false, reason: 'cart-below-threshold' };
  const balance = await getBalance(db, input.customerId, input.at);
  if (balance < option.points) return { eligible: false, reason: 'insufficient-points' };
  return { eligible: true, balance, option, valuePaise, minCartTotalPaise };
}

/** cart.redemption_eligible, once per cart session (key `cart:<sessionId>:redemption_eligible`). */
export function cartRedemptionEligibleEvent(input: {
  customerId: string;
  sessionId: string;
  cartTotalPaise: number;
  at: Date;
  offer: Extract<CartOffer, { eligible: true }>;
}): IngestEventInput {
  const { offer } = input;
  return {
    type: LOYALTY_EVENTS.cartRedemptionEligible,
    customerId: input.customerId,
    occurredAt: input.at,
    idempotencyKey: `cart:${input.sessionId}:redemption_eligible`,
    properties: {
      sessionId: input.sessionId,
      cartTotal: input.cartTotalPaise,
      balance: offer.balance,
      option: { ...offer.option },
      points: offer.option.points,
      value: offer.valuePaise,
    },
  };
}
