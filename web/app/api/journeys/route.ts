import { getDb } from '@yatra/db';
import { createJourneyFromBody, listJourneyItems } from '../../../lib/api/journeys';
import { json, readJson, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ journeys: [{ id, name, status: 'live' | 'draft', liveVersion, runningCustomers, … }] }` */
export const GET = route(async () => json({ journeys: await listJourneyItems(getDb()) }));

/**
 * Creates a draft. Body: `{ document: JourneyDocument }` or the JourneyDocument itself.
 * 201 `{ journey: { id, name, status, document, … } }`; 400 `{ error, issues }` on a bad document.
 */
export const POST = route(async (request) =>
  json({ journey: await createJourneyFromBody(getDb(), await readJson(request)) }, 201),
);
