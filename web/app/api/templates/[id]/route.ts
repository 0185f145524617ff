import { getDb } from '@yatra/db';
import { json, readJson, route } from '../../../../lib/api/respond';
import {
  removeTemplate,
  templateView,
  updateTemplateFromBody,
} from '../../../../lib/api/templates/templates';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** `{ template }` or 404. */
export const GET = route<Params>(async (_request, { id }) =>
  json({ template: await templateView(getDb(), id) }),
);

/** Replaces the template and all its variants: 200 `{ template }`; 400 with paths; 404. */
export const PUT = route<Params>(async (request, { id }) =>
  json({ template: await updateTemplateFromBody(getDb(), id, await readJson(request)) }),
);

/** 204, or 404. Journeys naming it fall back to sending the bare template id and variables. */
export const DELETE = route<Params>(async (_request, { id }) => {
  await removeTemplate(getDb(), id);
  return new Response(null, { status: 204 });
});
