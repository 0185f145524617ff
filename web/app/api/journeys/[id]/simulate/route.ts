import { getDb } from '@yatra/db';
import { json, readJson, route } from '../../../../../lib/api/respond';
import { simulateJourney } from '../../../../../lib/api/simulate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Runs a sample customer through the journey on a virtual clock (nothing is stored or sent).
 * Body `{ document?, customer, entryEvent: { type, properties }, events: [{ day, type, properties }], enterAt? }`
 * → 200 `{ rows, exit, visitedNodes, traversed, messageCount, warnings, timeZone, startAt }`;
 * 400 `{ error, issues }`; 422 `{ error, errors }` when the document does not compile.
 */
export const POST = route<{ id: string }>(async (request, { id }) =>
  json(await simulateJourney(getDb(), id, await readJson(request))),
);
