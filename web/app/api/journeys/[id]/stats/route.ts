import { getDb } from '@yatra/db';
import { journeyStats } from '../../../../../lib/api/journeys';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Per-node counts `{ journeyId, versionIds, nodes: [{ nodeId, entered, waitingNow, exited }] }`
 * over every version, or one with `?versionId=`.
 */
export const GET = route<{ id: string }>(async (request, { id }) => {
  const versionId = new URL(request.url).searchParams.get('versionId') ?? undefined;
  return json(await journeyStats(getDb(), id, versionId));
});
