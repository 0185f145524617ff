import { getDb } from '@yatra/db';
import { unpublish } from '../../../../../lib/api/journeys';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Stops new entrants (customers inside finish on their version):
 * 200 `{ journey: { id, status: 'draft', liveVersion: null, runningCustomers, … } }`.
 */
export const POST = route<{ id: string }>(async (_request, { id }) =>
  json({ journey: await unpublish(getDb(), id) }),
);
