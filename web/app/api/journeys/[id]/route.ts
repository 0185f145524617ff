import { getDb } from '@yatra/db';
import {
  getJourneyDetail,
  removeJourney,
  updateJourneyFromBody,
} from '../../../../lib/api/journeys';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** `{ journey: { id, name, description, status, liveVersionId, document, createdAt, updatedAt } }` */
export const GET = route<Params>(async (_request, { id }) =>
  json({ journey: await getJourneyDetail(getDb(), id) }),
);

/** Saves the draft. Body: `{ document }` or the document. Live versions are untouched. */
export const PUT = route<Params>(async (request, { id }) =>
  json({ journey: await updateJourneyFromBody(getDb(), id, await readJson(request)) }),
);

/** 204; 409 once customers have entered the journey (their runs are history). */
export const DELETE = route<Params>(async (_request, { id }) => {
  await removeJourney(getDb(), id);
  return new Response(null, { status: 204 });
});
