import { getDb } from '@yatra/db';
import { publishJourney } from '../../../../../lib/api/journeys';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `publishedBy` from an optional JSON body `{ publishedBy }` (the canvas sends who published). */
async function publisher(request: Request): Promise<string | undefined> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    const body: unknown = JSON.parse(text);
    const by: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'publishedBy') : undefined;
    return typeof by === 'string' && by.trim() !== '' ? by.trim().slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compiles the saved draft and makes it the next live version. Optional body `{ publishedBy }`.
 * 201 `{ id, journeyId, version, publishedAt, publishedBy, triggerEvent, live, facts }`;
 * 422 `{ error, errors: [{ nodeId, code, message, path }] }` when it does not compile.
 */
export const POST = route<{ id: string }>(async (request, { id }) =>
  json(await publishJourney(getDb(), id, await publisher(request)), 201),
);
