import {
  messagingCostByJourney,
  messagingCostByNode,
  type Db,
  type MessagingCost,
  type NodeMessagingCost,
} from '@yatra/db';
import { loadJourney } from '../journeys';

/** `GET /api/journeys/:id/messaging-cost`: what the journey's messages cost so far. */
export interface JourneyMessagingCostView {
  journeyId: string;
  /** All versions together: sent, delivered and read messages × today's price. */
  total: MessagingCost;
  /** Per send step and channel (a fallback SMS is its own row). */
  nodes: NodeMessagingCost[];
}

const NONE: MessagingCost = { messages: 0, costMillipaise: 0, unpriced: 0 };

export async function journeyMessagingCost(db: Db, id: string): Promise<JourneyMessagingCostView> {
  await loadJourney(db, id);
  const [total] = await messagingCostByJourney(db, [id]);
  return {
    journeyId: id,
    total: total
      ? { messages: total.messages, costMillipaise: total.costMillipaise, unpriced: total.unpriced }
      : NONE,
    nodes: await messagingCostByNode(db, id),
  };
}

/** Every journey's messaging cost so far, by journey id (journeys without messages absent). */
export async function messagingCostMap(db: Db): Promise<Map<string, MessagingCost>> {
  return new Map((await messagingCostByJourney(db)).map(({ journeyId, ...c }) => [journeyId, c]));
}
