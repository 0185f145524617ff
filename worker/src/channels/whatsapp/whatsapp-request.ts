import type { ProviderMessage } from '../channel-adapter';

// The body of POST /{version}/{phone-number-id}/messages in WhatsApp Cloud API terms.

type MediaKind = 'image' | 'video';
type MediaObject = { link: string; caption?: string };

export type WhatsAppRequest = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  /** Digits with the country code, no `+`. */
  to: string;
  /** Echoed back in status webhooks: our idempotency key. */
  biz_opaque_callback_data: string;
} & (
  | { type: 'text'; text: { preview_url: boolean; body: string } }
  | { type: 'image'; image: MediaObject }
  | { type: 'video'; video: MediaObject }
  | { type: 'template'; template: WhatsAppTemplate }
);

export interface WhatsAppTemplate {
  name: string;
  language: { code: string };
  components?: Array<
    | {
        type: 'header';
        parameters: Array<{ type: MediaKind } & Partial<Record<MediaKind, MediaObject>>>;
      }
    | { type: 'body'; parameters: Array<{ type: 'text'; text: string }> }
  >;
}

/** Meta caps biz_opaque_callback_data at 512 characters. */
const CALLBACK_DATA_MAX = 512;

/**
 * WhatsApp rejects template parameters holding new lines, tabs or more than four spaces in a row
 * (error 132018), so a value taken from customer data is flattened rather than failing the send.
 */
export function templateParameterText(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/ {5,}/g, '    ');
}

/** E.164 `+919812345678` → `919812345678`, the form the Cloud API takes. */
export function whatsAppRecipient(recipient: string): string {
  return recipient.replace(/^\+/, '');
}

/**
 * Translates one message. Templates carry the language code, an image/video header from
 * `media` and the body parameters in the template's order; `freeForm` (inside the customer's
 * 24-hour window) sends text, or the media with the text as caption.
 * @example whatsAppRequestBody({ ...message, templateName: 'order_shipped', parameters: ['Asha'] })
 */
export function whatsAppRequestBody(message: ProviderMessage): WhatsAppRequest {
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: whatsAppRecipient(message.recipient),
    biz_opaque_callback_data: message.idempotencyKey.slice(0, CALLBACK_DATA_MAX),
  } as const;
  const media = message.media;
  if (message.freeForm) {
    if (!media) return { ...base, type: 'text', text: { preview_url: false, body: message.body } };
    const object = { link: media.url, ...(message.body ? { caption: message.body } : {}) };
    return media.kind === 'image'
      ? { ...base, type: 'image', image: object }
      : { ...base, type: 'video', video: object };
  }
  const components: NonNullable<WhatsAppTemplate['components']> = [];
  if (media)
    components.push({
      type: 'header',
      parameters: [{ type: media.kind, [media.kind]: { link: media.url } }],
    });
  if (message.parameters.length > 0)
    components.push({
      type: 'body',
      parameters: message.parameters.map((p) => ({ type: 'text', text: templateParameterText(p) })),
    });
  return {
    ...base,
    type: 'template',
    template: {
      name: message.templateName,
      language: { code: message.language },
      ...(components.length > 0 ? { components } : {}),
    },
  };
}
