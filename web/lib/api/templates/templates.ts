import {
  deleteTemplate,
  getTemplate,
  journeysUsingTemplate,
  listTemplates,
  upsertTemplate,
  type Db,
  type Template,
} from '@yatra/db';
import { z } from 'zod';
import { parseQuery } from '../customers';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { parseBody } from '../loyalty/parse';
import { TEMPLATE_CHANNELS, templateInputSchema } from './schema';

const listQuerySchema = z.object({ channel: z.enum(TEMPLATE_CHANNELS).optional() });

/** `GET /api/templates?channel=`: every registered template with its variants, by id. */
export async function templateList(db: Db, searchParams: URLSearchParams): Promise<Template[]> {
  return listTemplates(db, parseQuery(listQuerySchema, searchParams));
}

/** One template, or a NotFoundError. */
export async function templateView(db: Db, id: string): Promise<Template> {
  const template = await getTemplate(db, id);
  if (!template) throw new NotFoundError(`Template ${id} not found.`);
  return template;
}

/** Registers a new template (400 with paths when invalid, 409 when the id is taken). */
export async function createTemplateFromBody(db: Db, body: unknown): Promise<Template> {
  const input = parseBody(templateInputSchema, body);
  if (await getTemplate(db, input.id))
    throw new ConflictError(
      `Template ${input.id} exists already; PUT /api/templates/${input.id} to change it.`,
    );
  return upsertTemplate(db, input);
}

/**
 * Replaces a template and its whole set of variants. The id comes from the URL; a body id, if
 * given, must match it (ids are what journeys refer to, so renaming one is a new template).
 */
export async function updateTemplateFromBody(db: Db, id: string, body: unknown): Promise<Template> {
  await templateView(db, id);
  const withId =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? { id, ...body } : body;
  const input = parseBody(templateInputSchema, withId);
  if (input.id !== id)
    throw new ValidationError('The request body is invalid.', [
      { path: 'id', message: `the id is ${id} (from the URL); create a new template to change it` },
    ]);
  return upsertTemplate(db, input);
}

/**
 * Deletes a template, unless a live journey or customers inside an older version still send it
 * (409 naming the journeys: unpublish them, or let their customers finish, first).
 */
export async function removeTemplate(db: Db, id: string): Promise<void> {
  const users = await journeysUsingTemplate(db, id);
  if (users.length > 0)
    throw new ConflictError(
      `Template ${id} is still sent by ${users.map((j) => `"${j.name}"`).join(', ')}; ` +
        'unpublish those journeys (and let customers inside finish) before deleting it.',
    );
  if (!(await deleteTemplate(db, id))) throw new NotFoundError(`Template ${id} not found.`);
}
