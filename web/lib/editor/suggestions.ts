// What the inspector suggests while a marketer types: the events Yatra receives (DOMAIN.md §2)
// with the properties they carry, the demo's templates, and the fact paths rules can read.

export interface EventHint {
  type: string;
  description: string;
  properties: string[];
}

export const EVENT_HINTS: EventHint[] = [
  {
    type: 'order.placed',
    description: 'A customer placed an order',
    properties: ['orderId', 'total (paise)', 'paymentMethod (cod | prepaid)', 'items', 'customer'],
  },
  {
    type: 'order.shipped',
    description: 'The order left the warehouse',
    properties: ['orderId', 'carrier', 'eta'],
  },
  {
    type: 'order.out_for_delivery',
    description: 'Out for delivery today',
    properties: ['orderId', 'eta'],
  },
  {
    type: 'order.delivered',
    description: 'The order reached the customer',
    properties: ['orderId', 'deliveredAt'],
  },
  {
    type: 'order.returned',
    description: 'The customer sent it back',
    properties: ['orderId', 'reason'],
  },
  {
    type: 'order.cancelled',
    description: 'Cancelled before delivery',
    properties: ['orderId', 'reason'],
  },
  {
    type: 'cart.updated',
    description: 'Cart contents changed',
    properties: ['total (paise)', 'items'],
  },
  {
    type: 'review.submitted',
    description: 'A product review',
    properties: ['orderId', 'rating (1–5)', 'sku'],
  },
  {
    type: 'csat.submitted',
    description: 'A satisfaction score',
    properties: ['orderId', 'score (1–5)'],
  },
  {
    type: 'message.status',
    description: 'A message was sent / delivered / read / failed',
    properties: ['messageId', 'status'],
  },
  // Loyalty moments the loyalty engine emits (docs/loyalty-ledger.md).
  {
    type: 'loyalty.points_earned',
    description: 'An order earned loyalty points',
    properties: ['points', 'balance', 'orderId', 'expiresAt', 'tier', 'multiplier'],
  },
  {
    type: 'loyalty.tier_changed',
    description: 'The member moved to another tier',
    properties: ['from', 'to', 'direction (upgrade | downgrade)', 'qualifyingValue', 'multiplier'],
  },
  {
    type: 'loyalty.points_expiring',
    description: 'Points expire in 30, 14 or 7 days',
    properties: ['points', 'expiresAt', 'expiryDate', 'daysLeft', 'threshold (30 | 14 | 7)'],
  },
  {
    type: 'loyalty.tier_downgrade_warning',
    description: 'The tier drops at the end of its period unless the member qualifies',
    properties: ['tier', 'toTier', 'tierPeriodEndsAt', 'daysLeft', 'toKeep'],
  },
  {
    type: 'loyalty.birthday',
    description: "It is the member's birthday",
    properties: ['birthday', 'date', 'year'],
  },
  {
    type: 'cart.redemption_eligible',
    description: 'A big enough cart and enough points to redeem (once per cart session)',
    properties: ['sessionId', 'cartTotal (paise)', 'balance', 'points', 'value (paise)', 'option'],
  },
  {
    type: 'cart.redemption_requested',
    description: 'The customer tapped "apply" on a redemption offer',
    properties: ['sessionId', 'optionId'],
  },
];

export function eventHint(type: string): EventHint | undefined {
  return EVENT_HINTS.find((e) => e.type === type);
}

/** Templates the demo journey uses (the sandbox accepts any id). */
export const TEMPLATE_HINTS: { id: string; description: string }[] = [
  { id: 'order_confirmation', description: 'Order confirmed, with delivery ETA' },
  { id: 'cod_reassurance', description: 'Cash on delivery: hassle-free returns' },
  { id: 'how_to_use', description: 'Unboxing and how-to content' },
  { id: 'csat_request', description: 'How was it? (CSAT)' },
  { id: 'delivery_delay', description: 'Checking on a late delivery' },
  { id: 'cross_sell_nudge', description: 'Next best product' },
  { id: 'loyalty_invite', description: 'Join the loyalty club' },
  { id: 'loyalty_points_earned', description: 'You earned N points, balance B' },
  { id: 'loyalty_points_earned_redeemable', description: 'Earned N points; you can redeem' },
  { id: 'loyalty_tier_almost_there', description: '₹420 from Gold (≥ 90% of the next tier)' },
  { id: 'loyalty_tier_progress', description: 'Getting close to the next tier (≥ 70%)' },
  { id: 'loyalty_points_expiring', description: 'N points expire on D' },
  { id: 'loyalty_birthday_bonus', description: 'Happy birthday: N bonus points' },
  { id: 'loyalty_redeem_offer', description: 'Use 500 points = ₹50 off? Tap to apply' },
  { id: 'loyalty_redeem_applied', description: 'Redemption applied, new balance' },
  { id: 'loyalty_redeem_insufficient', description: 'Not enough points any more' },
];

/** Where a rule's field is read from; wait-for-event filters read the awaited event. */
export type RuleContext = 'trigger' | 'condition' | 'event';

const CUSTOMER_PATHS = [
  'customer.name',
  'customer.language',
  'customer.timeZone',
  'customer.attributes.segment',
];
const ORDER_PATHS = ['order.paymentMethod', 'order.status', 'order.total', 'order.id'];

export function fieldSuggestions(context: RuleContext): string[] {
  if (context === 'event')
    return [
      'event.properties.orderId',
      'event.properties.score',
      'event.properties.rating',
      'event.type',
    ];
  if (context === 'trigger')
    return [
      'trigger.properties.paymentMethod',
      'trigger.properties.total',
      'trigger.properties.orderId',
      ...CUSTOMER_PATHS,
    ];
  return [
    ...ORDER_PATHS,
    ...CUSTOMER_PATHS,
    'trigger.properties.total',
    'trigger.properties.paymentMethod',
    'journey.daysSinceEntry',
  ];
}

/** Likely values of well-known fields (free text stays allowed). */
export function valueSuggestions(field: string): string[] {
  if (/paymentMethod$/.test(field)) return ['cod', 'prepaid'];
  if (/language$/.test(field)) return ['en', 'hi', 'mr', 'ta', 'bn'];
  if (/order\.status$/.test(field))
    return ['placed', 'shipped', 'out_for_delivery', 'delivered', 'returned', 'cancelled'];
  if (/timeZone$/.test(field)) return ['Asia/Kolkata'];
  if (/(score|rating)$/.test(field)) return ['1', '2', '3', '4', '5'];
  return [];
}

export const OPERATOR_LABELS: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  exists: 'is set',
  not_exists: 'is missing',
};

export const UNARY_OPERATORS = new Set(['exists', 'not_exists']);
export const LIST_OPERATORS = new Set(['in', 'not_in']);
