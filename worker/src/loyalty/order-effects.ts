// What an accepted event means for the loyalty ledger, applied by the dispatcher before the event
// reaches journeys (docs/loyalty-ledger.md, "Event-driven earn"). The dispatcher marks an event
// dispatched only after this succeeded and retries it otherwise, so an accepted event is never
// dropped; every write here is keyed by the order or cart session, so a retry never credits twice.
import {
  applyTierUpgrade,
  cartRedemptionEligibleEvent,
  cartRedemptionOffer,
  earnForOrder,
  emitEvents,
  getOrder,
  memberAndProgram,
  pointsEarnedEvent,
  reverseOrderPoints,
  type Db,
  type EventRow,
  type PaymentMethod,
} from '@yatra/db';

export type LoyaltyEffect =
  | { kind: 'none' }
  | { kind: 'earned'; orderId: string; points: number; balance: number; tierChange: string | null }
  | { kind: 'not-earned'; orderId: string; reason: string }
  | { kind: 'reversed'; orderId: string; points: number; debt: number }
  | { kind: 'cart'; sessionId: string; eligible: boolean; reason?: string };

const NONE: LoyaltyEffect = { kind: 'none' };

/**
 * Applies the loyalty side of one accepted event: the programme's earning order event earns the
 * order's points once (lazily enrolling, then upgrading the tier at once if a threshold was
 * crossed, then emitting loyalty.points_earned); order.returned / order.cancelled reverse them;
 * cart.updated may emit cart.redemption_eligible once per cart session.
 */
export async function applyLoyaltyEffects(db: Db, event: EventRow): Promise<LoyaltyEffect> {
  switch (event.type) {
    case 'order.placed':
    case 'order.delivered':
      return earnFromOrderEvent(db, event);
    case 'order.returned':
    case 'order.cancelled':
      return reverseFromOrderEvent(db, event);
    case 'cart.updated':
      return offerRedemptionAtCart(db, event);
    default:
      return NONE;
  }
}

/**
 * Whether this order event is the one that earns. COD orders earn only once delivered (a quarter
 * or more never arrive), whatever the programme's earning event; an order of unknown payment
 * method is treated like COD.
 */
export function earnsOn(
  earnOnEvent: string,
  eventType: string,
  paymentMethod: PaymentMethod | null,
): boolean {
  const prepaid = paymentMethod === 'prepaid';
  if (earnOnEvent === 'order.placed')
    return eventType === (prepaid ? 'order.placed' : 'order.delivered');
  return eventType === 'order.delivered';
}

async function earnFromOrderEvent(db: Db, event: EventRow): Promise<LoyaltyEffect> {
  const orderId = stringProperty(event.properties.orderId);
  if (!orderId) return NONE;
  const { program } = await memberAndProgram(db, event.customerId);
  if (!program) return NONE; // no loyalty programme configured: nothing to earn
  const order = await getOrder(db, orderId);
  if (!order || order.customerId !== event.customerId) return NONE;
  if (!earnsOn(program.earnOnEvent, event.type, order.paymentMethod)) return NONE;
  // A late delivery event for an order already returned or cancelled earns nothing.
  if (order.status === 'returned' || order.status === 'cancelled')
    return { kind: 'not-earned', orderId, reason: `order ${order.status}` };

  const at = event.occurredAt;
  const earned = await earnForOrder(db, {
    customerId: event.customerId,
    orderId,
    amountPaise: order.totalPaise,
    at,
  });
  if (!earned.ok) return { kind: 'not-earned', orderId, reason: earned.reason };
  const change = await applyTierUpgrade(db, event.customerId, at);
  await emitEvents(db, [
    pointsEarnedEvent({
      customerId: event.customerId,
      orderId,
      points: earned.entry.points,
      balance: earned.balanceAfter,
      expiresAt: earned.lot.expiresAt,
      at,
      tier: change?.toTier ?? earned.tier,
      multiplier: earned.tierMultiplier * earned.promoMultiplier,
    }),
  ]);
  return {
    kind: 'earned',
    orderId,
    points: earned.entry.points,
    balance: earned.balanceAfter,
    tierChange: change ? `${change.fromTier ?? '-'}→${change.toTier}` : null,
  };
}

async function reverseFromOrderEvent(db: Db, event: EventRow): Promise<LoyaltyEffect> {
  const orderId = stringProperty(event.properties.orderId);
  if (!orderId) return NONE;
  const result = await reverseOrderPoints(db, {
    customerId: event.customerId,
    orderId,
    // One reversal per order, whether it came back as a return or a cancellation.
    idempotencyKey: `order:${orderId}:reverse`,
    occurredAt: event.occurredAt,
    reason: event.type === 'order.returned' ? 'return' : 'cancel',
  });
  if (!result.ok) return { kind: 'not-earned', orderId, reason: result.reason };
  return { kind: 'reversed', orderId, points: -result.entry.points, debt: result.debt };
}

/**
 * cart.updated carries `sessionId` (or `cartId`) and `total` in integer paise, like order.placed.
 */
async function offerRedemptionAtCart(db: Db, event: EventRow): Promise<LoyaltyEffect> {
  const sessionId =
    stringProperty(event.properties.sessionId) ?? stringProperty(event.properties.cartId);
  const total = event.properties.total;
  if (!sessionId || typeof total !== 'number' || !Number.isSafeInteger(total)) return NONE;
  const offer = await cartRedemptionOffer(db, {
    customerId: event.customerId,
    cartTotalPaise: total,
    at: event.occurredAt,
  });
  if (!offer.eligible) return { kind: 'cart', sessionId, eligible: false, reason: offer.reason };
  await emitEvents(db, [
    cartRedemptionEligibleEvent({
      customerId: event.customerId,
      sessionId,
      cartTotalPaise: total,
      at: event.occurredAt,
      offer,
    }),
  ]);
  return { kind: 'cart', sessionId, eligible: true };
}

function stringProperty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
