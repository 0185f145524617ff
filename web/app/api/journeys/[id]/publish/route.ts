import { getDb } from '@yatra/db';
import { publishJourney } from '../../../../../lib/api/journeys';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Compiles the saved draft and makes it the next live version:
 * 201 `{ id, journeyId, version, publishedAt, triggerEvent, live, facts }`;
 * 422 `{ error, errors: [{ nodeId, code, message, path }] }` when it does not compile.
 */
export const POST = route<{ id: string }>(async (_request, { id }) =>
  json(await publishJourney(getDb(), id), 201),
);
