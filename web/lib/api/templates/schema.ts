// The template registry's input contract, shared by the API (400 with paths) and the edit form
// (the same messages, live). Only zod here, so client components can import it.
import { templatePlaceholders } from '@yatra/db/queries/template-text';
import { SEND_CATEGORIES, SEND_CHANNELS } from '@yatra/nodes/sending/types';
import { z } from 'zod';

/** A template is for one of the channels, and of one of the categories, a send step knows. */
export const TEMPLATE_CHANNELS = SEND_CHANNELS;
export const TEMPLATE_CATEGORIES = SEND_CATEGORIES;
export const VARIANT_STATUSES = ['approved', 'pending', 'rejected'] as const;
export const MEDIA_KINDS = ['image', 'video', 'document'] as const;

/** Meta's limit on a WhatsApp template body. */
export const WHATSAPP_BODY_MAX = 1024;

const language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a language tag like en, hi or hi-IN');

const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use letters, digits and _ (not starting with a digit)');

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s))
  .nullish()
  .transform((s) => s ?? null);

export const templateVariantSchema = z.object({
  language,
  body: z.string().trim().min(1, 'the body is empty'),
  subject: optionalText,
  headerMedia: z
    .object({ kind: z.enum(MEDIA_KINDS), url: z.url('must be an http(s) URL') })
    .nullish()
    .transform((m) => m ?? null),
  providerTemplateName: optionalText,
  dltTemplateId: optionalText.refine((s) => s === null || /^\d{19}$/.test(s), {
    message: 'a DLT content template id has 19 digits',
  }),
  status: z.enum(VARIANT_STATUSES).default('approved'),
});

/**
 * A template with its per-language variants. Beyond field shapes it checks what would go wrong
 * at send time: a placeholder the template does not declare, no variant in the default language,
 * a WhatsApp body over 1,024 characters, an SMS without its DLT id (TRAI rejects those in India),
 * an email without a subject.
 */
export const templateInputSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_]{0,63}$/, 'use lower-case letters, digits and _ (at most 64)'),
    name: z.string().trim().min(1, 'give the template a name').max(120),
    channel: z.enum(TEMPLATE_CHANNELS),
    category: z.enum(TEMPLATE_CATEGORIES),
    defaultLanguage: language.default('en'),
    variables: z.array(variableName).default([]),
    variants: z.array(templateVariantSchema).min(1, 'add at least one language'),
  })
  .superRefine((t, ctx) => {
    const dup = t.variables.find((v, i) => t.variables.indexOf(v) !== i);
    if (dup)
      ctx.addIssue({ code: 'custom', path: ['variables'], message: `"${dup}" is declared twice` });
    const languages = t.variants.map((v) => v.language);
    t.variants.forEach((v, i) => {
      const at = (field: string) => ['variants', i, field];
      if (languages.indexOf(v.language) !== i)
        ctx.addIssue({
          code: 'custom',
          path: at('language'),
          message: `"${v.language}" appears twice`,
        });
      for (const name of templatePlaceholders(v.body).filter((p) => !t.variables.includes(p)))
        ctx.addIssue({
          code: 'custom',
          path: at('body'),
          message: `{{${name}}} is not a declared variable (declared: ${t.variables.join(', ') || 'none'})`,
        });
      if (t.channel === 'whatsapp' && v.body.length > WHATSAPP_BODY_MAX)
        ctx.addIssue({
          code: 'custom',
          path: at('body'),
          message: `a WhatsApp body has at most ${WHATSAPP_BODY_MAX} characters (this one has ${v.body.length})`,
        });
      if (t.channel === 'sms' && v.dltTemplateId === null)
        ctx.addIssue({
          code: 'custom',
          path: at('dltTemplateId'),
          message: 'SMS in India needs the DLT content template id registered with the operator',
        });
      if (t.channel === 'email' && v.subject === null)
        ctx.addIssue({ code: 'custom', path: at('subject'), message: 'an email needs a subject' });
    });
    if (!languages.includes(t.defaultLanguage))
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: `add a variant in the default language "${t.defaultLanguage}" (customers in other languages fall back to it)`,
      });
  });

export type TemplateInputBody = z.input<typeof templateInputSchema>;
export type ValidTemplateInput = z.output<typeof templateInputSchema>;
