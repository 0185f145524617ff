import { getDb } from '@yatra/db';
import { analyticsQuery, journeyAnalyticsView } from '../../../../../lib/api/analytics';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The canvas's live overlay `{ journeyId, versionIds, nodes: [{ nodeId, entered, waitingNow,
 * exited }], edges: [{ source, sourcePort, runs }], at }` over every version, or one with
 * `?versionId=`; 400 for a malformed query, 404 for an unknown journey or version.
 */
export const GET = route<{ id: string }>(async (request, { id }) =>
  json(await journeyAnalyticsView(getDb(), id, analyticsQuery(request.url))),
);
