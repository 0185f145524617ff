import { validateDocument } from '../../../../lib/api/journeys';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Compiles a posted document (`{ document }` or bare) without saving it:
 * 200 `{ ok, errors: [{ nodeId, code, message, path }], facts, triggerEvent }`.
 */
export const POST = route(async (request) => json(validateDocument(await readJson(request))));
