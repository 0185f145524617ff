// Test helpers for the tier engine's integration tests: a tier ladder like the demo programme's
// (db/ cannot import @yatra/nodes) and orders that go through the same ingest path as the API.
import type { Db } from '../../client';
import { ingestEvents } from '../events';
import { createProgram } from './programs';
import type { TierLadderTier } from './tier-ladder';

/** Bronze / Silver / Gold / Platinum on rolling spend (whole ₹), as in the demo programme. */
export const SPEND_LADDER: TierLadderTier[] = [
  { name: 'Bronze', metric: 'spend', threshold: 0, multiplier: 1, perks: [] },
  { name: 'Silver', metric: 'spend', threshold: 5_000, multiplier: 1.5, perks: [] },
  { name: 'Gold', metric: 'spend', threshold: 15_000, multiplier: 2, perks: [] },
  { name: 'Platinum', metric: 'spend', threshold: 40_000, multiplier: 3, perks: [] },
];

/** The demo programme's settings: 10 points per ₹100, 500 points = ₹50 off. */
export function tieredProgram(db: Db, tiers: TierLadderTier[] = SPEND_LADDER, name = 'Rewards') {
  return createProgram(db, {
    name,
    pointsPer100Rupees: 10,
    pointValuePaise: 10,
    tiers,
    redemptionOptions: [
      { id: 'rs50-off', label: '₹50 off', points: 500, kind: 'discount', valuePaise: 5_000 },
      { id: 'rs250-off', label: '₹250 off', points: 2_000, kind: 'discount', valuePaise: 25_000 },
    ],
  });
}

/** An order placed and then moved through `statuses` (each an order.* event), via ingestEvents. */
export async function orderThrough(
  db: Db,
  input: {
    customerId: string;
    orderId: string;
    totalPaise: number;
    placedAt: Date;
    /** e.g. [['order.delivered', day(3)], ['order.returned', day(9)]] */
    then?: Array<[string, Date]>;
    paymentMethod?: 'cod' | 'prepaid';
  },
): Promise<void> {
  await ingestEvents(db, [
    {
      type: 'order.placed',
      customerId: input.customerId,
      occurredAt: input.placedAt,
      idempotencyKey: `${input.orderId}-placed`,
      properties: {
        orderId: input.orderId,
        total: input.totalPaise,
        paymentMethod: input.paymentMethod ?? 'prepaid',
      },
    },
    ...(input.then ?? []).map(([type, at]) => ({
      type,
      customerId: input.customerId,
      occurredAt: at,
      idempotencyKey: `${input.orderId}-${type}`,
      properties: { orderId: input.orderId },
    })),
  ]);
}

/** A delivered order of `rupees` (placed a day before delivery). */
export function delivered(db: Db, customerId: string, orderId: string, rupees: number, at: Date) {
  return orderThrough(db, {
    customerId,
    orderId,
    totalPaise: rupees * 100,
    placedAt: new Date(at.getTime() - 86_400_000),
    then: [['order.delivered', at]],
  });
}
