import { getDb } from '@yatra/db';
import { journeyMessagingCost } from '../../../../../lib/api/cost/messaging-cost';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * What the journey's messages cost so far (sent, delivered, read × today's price; the category
 * the provider billed wins): `{ journeyId, total: { messages, costMillipaise, unpriced },
 * nodes: [{ nodeId, channel, messages, costMillipaise, unpriced }] }`; 404 for an unknown journey.
 */
export const GET = route<{ id: string }>(async (_request, { id }) =>
  json(await journeyMessagingCost(getDb(), id)),
);
