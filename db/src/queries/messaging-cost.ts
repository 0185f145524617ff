import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { channelPrices, messages } from '../schema';

/** Statuses of a message the provider accepted, and so charges for. */
export const BILLABLE_STATUSES = ['sent', 'delivered', 'read'] as const;

/** What messages actually cost: a count and a sum in thousandths of a paisa. */
export interface MessagingCost {
  messages: number;
  costMillipaise: number;
  /** Messages whose (channel, category) has no price: counted, costed at 0. */
  unpriced: number;
}

export interface JourneyMessagingCost extends MessagingCost {
  journeyId: string;
}

export interface NodeMessagingCost extends MessagingCost {
  nodeId: string;
  channel: string;
}

// The category the provider billed (Meta reports it on status webhooks) wins over ours.
const billedCategory = sql`coalesce(${messages.pricingCategory}, ${messages.category})`;

const figures = {
  messages: sql<number>`count(*)::int`,
  costMillipaise: sql<number>`coalesce(sum(${channelPrices.priceMillipaise}), 0)::bigint`,
  unpriced: sql<number>`(count(*) filter (where ${channelPrices.priceMillipaise} is null))::int`,
};

const priced = and(
  eq(channelPrices.channel, messages.channel),
  eq(channelPrices.category, billedCategory),
);

/** Billable messages matching `where`. */
const billable = (where: SQL) => and(inArray(messages.status, [...BILLABLE_STATUSES]), where);

const toCost = <T extends { costMillipaise: number | string }>(row: T) => ({
  ...row,
  costMillipaise: Number(row.costMillipaise),
});

/**
 * Messages sent by each journey and what they cost at today's prices (sent, delivered and read
 * messages; failed or still queued ones cost nothing). Journeys without messages are absent.
 */
export async function messagingCostByJourney(
  db: Db,
  journeyIds?: readonly string[],
): Promise<JourneyMessagingCost[]> {
  if (journeyIds?.length === 0) return [];
  const which =
    journeyIds === undefined
      ? isNotNull(messages.journeyId)
      : inArray(messages.journeyId, [...journeyIds]);
  const rows = await db
    .select({ journeyId: sql<string>`${messages.journeyId}::text`, ...figures })
    .from(messages)
    .leftJoin(channelPrices, priced)
    .where(billable(which))
    .groupBy(messages.journeyId)
    .orderBy(messages.journeyId);
  return rows.map(toCost);
}

/** One journey's messaging cost per send step and channel (a fallback SMS is its own row). */
export async function messagingCostByNode(db: Db, journeyId: string): Promise<NodeMessagingCost[]> {
  const rows = await db
    .select({
      nodeId: sql<string>`coalesce(${messages.nodeId}, '')`,
      channel: messages.channel,
      ...figures,
    })
    .from(messages)
    .leftJoin(channelPrices, priced)
    .where(billable(eq(messages.journeyId, journeyId)))
    .groupBy(messages.nodeId, messages.channel)
    .orderBy(messages.nodeId, messages.channel);
  return rows.map(toCost);
}
