import { getDb } from '@yatra/db';
import { json, readJson, route } from '../../../lib/api/respond';
import { createTemplateFromBody, templateList } from '../../../lib/api/templates/templates';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ templates: [{ id, name, channel, category, defaultLanguage, variables, variants }] }`; `?channel=whatsapp`. */
export const GET = route(async (request) =>
  json({ templates: await templateList(getDb(), new URL(request.url).searchParams) }),
);

/**
 * Registers a template: 201 `{ template }`; 400 `{ error, issues: [{ path: 'variants.0.body', message }] }`;
 * 409 when the id is taken.
 */
export const POST = route(async (request) =>
  json({ template: await createTemplateFromBody(getDb(), await readJson(request)) }, 201),
);
