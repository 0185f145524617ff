// Server-side: a `messages` row plus the template registry → what the outbox draws.
import { languageCandidates, renderTemplateBody, type Message, type Template } from '@yatra/db';
import type { MessageStatus, PreviewMedia, PreviewMessage } from './preview-message';

const STATUSES: readonly MessageStatus[] = ['queued', 'sent', 'delivered', 'read', 'failed'];
const VIDEO_URL = /^https?:\/\/\S+\.(mp4|webm|mov)(\?\S*)?$/i;
const IMAGE_URL = /^https?:\/\/\S+\.(jpe?g|png|gif|webp)(\?\S*)?$/i;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * A video the message carries in its variables (the render-video step's `videoUrl`, mapped to
 * e.g. `video`), with its thumbnail as the poster.
 */
export function mediaFromVariables(variables: Record<string, unknown>): PreviewMedia | undefined {
  const values = Object.values(variables).flatMap((v) => text(v) ?? []);
  const video = values.find((v) => VIDEO_URL.test(v));
  if (!video) return undefined;
  const poster =
    text(variables.thumbnail) ??
    text(variables.thumbnailUrl) ??
    values.find((v) => IMAGE_URL.test(v) && !v.endsWith('.gif'));
  return { kind: 'video', url: video, ...(poster ? { poster } : {}) };
}

/** The variant the message went out in: its own language, else the template's fallback. */
function variantOf(message: Message, template: Template | undefined) {
  if (!template) return undefined;
  return languageCandidates(message.language ?? undefined, template.defaultLanguage)
    .map((l) => template.variants.find((v) => v.language.toLowerCase() === l))
    .find((v) => v !== undefined);
}

export function toPreview(
  message: Message,
  templates: ReadonlyMap<string, Template>,
): PreviewMessage {
  const template = templates.get(message.templateId);
  const variant = template?.channel === message.channel ? variantOf(message, template) : undefined;
  const variables = message.variables;
  // A header video is per send (the rendered one); a registry image or document is fixed.
  const registryMedia =
    variant?.headerMedia && variant.headerMedia.kind !== 'video' ? variant.headerMedia : undefined;
  const media = mediaFromVariables(variables) ?? registryMedia;
  const subject = variant?.subject ? renderTemplateBody(variant.subject, variables) : undefined;
  return {
    id: message.id,
    channel: message.channel,
    templateId: message.templateId,
    category: message.pricingCategory ?? message.category,
    language: message.language ?? null,
    recipient: message.recipient ?? message.customerId,
    recipientName: text(variables.name),
    customerId: message.customerId,
    body: message.body || (variant ? renderTemplateBody(variant.body, variables) : ''),
    ...(subject ? { subject } : {}),
    ...(media ? { media } : {}),
    ...(variant?.dltTemplateId ? { dltTemplateId: variant.dltTemplateId } : {}),
    status: STATUSES.find((s) => s === message.status) ?? 'sent',
    ...(message.errorCode ? { errorCode: message.errorCode } : {}),
    at: message.createdAt,
    provider: message.provider,
    ...(message.fallbackOf ? { fallbackOf: message.fallbackOf } : {}),
  };
}
