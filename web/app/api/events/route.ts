import { getDb } from '@yatra/db';
import { acceptEvents } from '../../../lib/api/events';
import { json, readJson, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Accepts one event, an array, or `{ events: [...] }`. Answers 202
 * `{ accepted, duplicates, ids, idempotencyKeys }` once committed; 400 `{ error, issues }` and
 * nothing stored when any event is invalid.
 */
export const POST = route(async (request) =>
  json(await acceptEvents(getDb(), await readJson(request)), 202),
);
