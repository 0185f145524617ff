import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { journeyRuns, journeys, journeyVersions, templates, templateVariants } from '../schema';
import { languageCandidates } from './template-text';

export {
  HEADER_MEDIA_VARIABLE,
  languageCandidates,
  renderTemplateBody,
  templatePlaceholders,
} from './template-text';

export type TemplateRow = typeof templates.$inferSelect;
export type TemplateVariantRow = typeof templateVariants.$inferSelect;

export type HeaderMediaKind = 'image' | 'video' | 'document';

/** One language of a template, as the registry API reads and writes it. */
export interface TemplateVariant {
  language: string;
  body: string;
  subject: string | null;
  headerMedia: { kind: HeaderMediaKind; url: string } | null;
  providerTemplateName: string | null;
  dltTemplateId: string | null;
  /** approved | pending | rejected: only approved variants are ever sent. */
  status: string;
}

/** A template with all its language variants (sorted by language). */
export interface Template {
  id: string;
  name: string;
  channel: string;
  category: string;
  defaultLanguage: string;
  variables: string[];
  variants: TemplateVariant[];
  createdAt: Date;
  updatedAt: Date;
}

export type TemplateInput = Omit<Template, 'createdAt' | 'updatedAt' | 'variants'> & {
  variants: (Omit<TemplateVariant, 'status'> & { status?: string })[];
};

/** What a send needs from the registry: one approved variant for the customer's language. */
export interface ResolvedTemplate {
  templateId: string;
  channel: string;
  category: string;
  /** The language actually chosen, after fallback to the template's default. */
  language: string;
  /** Variable names in body-parameter order ({{1}} is variables[0] on WhatsApp). */
  variables: string[];
  body: string;
  subject: string | null;
  headerMedia?: { kind: HeaderMediaKind; url: string };
  /** The provider's name for it; the template id when none was registered. */
  providerTemplateName: string;
  dltTemplateId: string | null;
}

const APPROVED = 'approved';

function toVariant(row: TemplateVariantRow): TemplateVariant {
  return {
    language: row.language,
    body: row.body,
    subject: row.subject,
    headerMedia:
      row.headerMediaKind && row.headerMediaUrl
        ? { kind: row.headerMediaKind as HeaderMediaKind, url: row.headerMediaUrl }
        : null,
    providerTemplateName: row.providerTemplateName,
    dltTemplateId: row.dltTemplateId,
    status: row.status,
  };
}

function toTemplate(row: TemplateRow, variants: TemplateVariantRow[]): Template {
  return { ...row, variants: variants.map(toVariant) };
}

/**
 * The approved variant of `templateId` for `language` (falling back to its base language, then
 * to the template's default), or null when the template is not registered for `channel` or has
 * no approved variant in any of those languages — the caller then keeps its unregistered-template
 * behaviour.
 */
export async function resolveTemplate(
  db: Db,
  query: { templateId: string; channel: string; language?: string | null },
): Promise<ResolvedTemplate | null> {
  const [template] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, query.templateId), eq(templates.channel, query.channel)));
  if (!template) return null;
  const variants = await db
    .select()
    .from(templateVariants)
    .where(
      and(eq(templateVariants.templateId, template.id), eq(templateVariants.status, APPROVED)),
    );
  const byLanguage = new Map(variants.map((v) => [v.language.toLowerCase(), v]));
  const chosen = languageCandidates(query.language ?? undefined, template.defaultLanguage)
    .map((language) => byLanguage.get(language))
    .find((v) => v !== undefined);
  if (!chosen) return null;
  const variant = toVariant(chosen);
  return {
    templateId: template.id,
    channel: template.channel,
    category: template.category,
    language: variant.language,
    variables: template.variables,
    body: variant.body,
    subject: variant.subject,
    ...(variant.headerMedia ? { headerMedia: variant.headerMedia } : {}),
    providerTemplateName: variant.providerTemplateName ?? template.id,
    dltTemplateId: variant.dltTemplateId,
  };
}

/** All templates with their variants, by id; optionally one channel's. */
export async function listTemplates(db: Db, opts: { channel?: string } = {}): Promise<Template[]> {
  const rows = await db
    .select()
    .from(templates)
    .where(opts.channel === undefined ? undefined : eq(templates.channel, opts.channel))
    .orderBy(asc(templates.id));
  if (rows.length === 0) return [];
  const variants = await db
    .select()
    .from(templateVariants)
    .where(
      inArray(
        templateVariants.templateId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(templateVariants.language));
  return rows.map((row) =>
    toTemplate(
      row,
      variants.filter((v) => v.templateId === row.id),
    ),
  );
}

/** One template with its variants, or null. */
export async function getTemplate(db: Db, id: string): Promise<Template | null> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  if (!row) return null;
  const variants = await db
    .select()
    .from(templateVariants)
    .where(eq(templateVariants.templateId, id))
    .orderBy(asc(templateVariants.language));
  return toTemplate(row, variants);
}

/**
 * Creates or replaces a template and its whole set of variants in one transaction: a variant left
 * out of `input.variants` is deleted, so the stored languages are exactly the ones given.
 */
export async function upsertTemplate(db: Db, input: TemplateInput): Promise<Template> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const fields = {
      name: input.name,
      channel: input.channel,
      category: input.category,
      defaultLanguage: input.defaultLanguage,
      variables: input.variables,
      updatedAt: now,
    };
    await tx
      .insert(templates)
      .values({ id: input.id, ...fields })
      .onConflictDoUpdate({ target: templates.id, set: fields });
    await tx.delete(templateVariants).where(eq(templateVariants.templateId, input.id));
    if (input.variants.length > 0) {
      await tx.insert(templateVariants).values(
        input.variants.map((v) => ({
          templateId: input.id,
          language: v.language,
          body: v.body,
          subject: v.subject,
          headerMediaKind: v.headerMedia?.kind ?? null,
          headerMediaUrl: v.headerMedia?.url ?? null,
          providerTemplateName: v.providerTemplateName,
          dltTemplateId: v.dltTemplateId,
          status: v.status ?? APPROVED,
          updatedAt: now,
        })),
      );
    }
  });
  const saved = await getTemplate(db, input.id);
  if (!saved) throw new Error(`upsertTemplate: template ${input.id} vanished after saving`);
  return saved;
}

/** Deletes a template (its variants cascade); false when there was none. */
export async function deleteTemplate(db: Db, id: string): Promise<boolean> {
  const deleted = await db
    .delete(templates)
    .where(eq(templates.id, id))
    .returning({ id: templates.id });
  return deleted.length > 0;
}

/**
 * Journeys that still send template `id`: through their live version (new entrants) or through
 * a version customers are running on. Deleting the template under them would change what they
 * send, so the API refuses it and names them.
 */
export async function journeysUsingTemplate(
  db: Db,
  id: string,
): Promise<{ id: string; name: string }[]> {
  const sendsIt = sql`exists (
    select 1 from jsonb_array_elements(${journeyVersions.graph}->'nodes') as node
    where node->>'type' = 'message.send' and node->'config'->>'templateId' = ${id}
  )`;
  const inUse = sql`(${journeyVersions.id} = ${journeys.liveVersionId} or exists (
    select 1 from ${journeyRuns}
    where ${journeyRuns.versionId} = ${journeyVersions.id} and ${journeyRuns.status} = 'running'
  ))`;
  return db
    .selectDistinct({ id: journeys.id, name: journeys.name })
    .from(journeyVersions)
    .innerJoin(journeys, eq(journeys.id, journeyVersions.journeyId))
    .where(and(sendsIt, inUse))
    .orderBy(asc(journeys.name));
}

/** Category of each registered template id, for cost estimates and publish checks. */
export async function templateCategories(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: templates.id, category: templates.category })
    .from(templates)
    .where(inArray(templates.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.category]));
}
