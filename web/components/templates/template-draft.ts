// The template editor's working copy: strings as typed, converted to the API's input on every
// change so the same zod schema checks it live.
import type { Template } from '@yatra/db';
import {
  MEDIA_KINDS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_CHANNELS,
  VARIANT_STATUSES,
  type TemplateInputBody,
} from '../../lib/api/templates/schema';

export interface VariantDraft {
  language: string;
  body: string;
  subject: string;
  mediaKind: '' | 'image' | 'video' | 'document';
  mediaUrl: string;
  providerTemplateName: string;
  dltTemplateId: string;
  status: 'approved' | 'pending' | 'rejected';
}

export interface TemplateDraft {
  id: string;
  name: string;
  channel: 'whatsapp' | 'email' | 'sms' | 'push';
  category: 'utility' | 'marketing' | 'authentication';
  defaultLanguage: string;
  /** Comma- or space-separated names, in WhatsApp parameter order. */
  variables: string;
  variants: VariantDraft[];
}

/** The stored shape (GET /api/templates/:id) the editor starts from. */
export type TemplateLike = Omit<Template, 'createdAt' | 'updatedAt'>;

const oneOf = <T extends string>(options: readonly T[], value: string, fallback: T): T =>
  options.find((o) => o === value) ?? fallback;

export function emptyVariant(language: string): VariantDraft {
  return {
    language,
    body: '',
    subject: '',
    mediaKind: '',
    mediaUrl: '',
    providerTemplateName: '',
    dltTemplateId: '',
    status: 'approved',
  };
}

export const NEW_TEMPLATE: TemplateDraft = {
  id: '',
  name: '',
  channel: 'whatsapp',
  category: 'utility',
  defaultLanguage: 'en',
  variables: 'name',
  variants: [{ ...emptyVariant('en'), body: 'Hi {{name}}, ' }],
};

export function toDraft(t: TemplateLike): TemplateDraft {
  return {
    id: t.id,
    name: t.name,
    channel: oneOf(TEMPLATE_CHANNELS, t.channel, 'whatsapp'),
    category: oneOf(TEMPLATE_CATEGORIES, t.category, 'utility'),
    defaultLanguage: t.defaultLanguage,
    variables: t.variables.join(', '),
    variants: t.variants.map((v) => ({
      language: v.language,
      body: v.body,
      subject: v.subject ?? '',
      mediaKind: oneOf(['', ...MEDIA_KINDS], v.headerMedia?.kind ?? '', ''),
      mediaUrl: v.headerMedia?.url ?? '',
      providerTemplateName: v.providerTemplateName ?? '',
      dltTemplateId: v.dltTemplateId ?? '',
      status: oneOf(VARIANT_STATUSES, v.status, 'pending'),
    })),
  };
}

/** The variable names as typed: "name, orderId" → ['name', 'orderId']. */
export function variableNames(draft: TemplateDraft): string[] {
  return draft.variables.split(/[\s,]+/).filter((v) => v !== '');
}

/**
 * The API body for a draft.
 * @example toInput(NEW_TEMPLATE).variables // ['name']
 */
export function toInput(draft: TemplateDraft): TemplateInputBody {
  return {
    id: draft.id.trim(),
    name: draft.name,
    channel: draft.channel,
    category: draft.category,
    defaultLanguage: draft.defaultLanguage.trim(),
    variables: variableNames(draft),
    variants: draft.variants.map((v) => ({
      language: v.language.trim(),
      body: v.body,
      subject: v.subject,
      headerMedia: v.mediaKind ? { kind: v.mediaKind, url: v.mediaUrl.trim() } : null,
      providerTemplateName: v.providerTemplateName,
      dltTemplateId: v.dltTemplateId,
      status: v.status,
    })),
  };
}

/** Believable sample values for the preview, by variable name (the demo's customer Asha). */
const SAMPLES: Record<string, string> = {
  name: 'Asha',
  orderId: 'DEMO-1001',
  points: '80',
  balance: '1,240',
  date: '19 Mar',
  validTill: '4 Apr',
  toNextTier: '₹420',
  nextTier: 'Gold',
  progress: '73%',
  reward: '₹50 off',
  reason: 'render timed out',
  code: '482913',
};

export function sampleValue(variable: string): string {
  return SAMPLES[variable] ?? variable.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
