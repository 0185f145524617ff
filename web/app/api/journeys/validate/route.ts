import { getDb } from '@yatra/db';
import { validateWithRegistry } from '../../../../lib/api/journeys';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Compiles a posted document (`{ document }` or bare) without saving it:
 * 200 `{ ok, errors: [{ nodeId, code, message, path }], warnings, facts, triggerEvent, ports, cost }`
 * (errors include template variables without a source; `cost`: messaging cost per customer).
 */
export const POST = route(async (request) =>
  json(await validateWithRegistry(getDb(), await readJson(request))),
);
