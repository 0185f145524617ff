import type { OutboundMessage } from '@yatra/nodes';

export type Channel = OutboundMessage['channel'];

/**
 * One message, fully resolved for a provider: the send rules have passed, the template variant
 * for the customer's language is chosen and its text rendered. Adapters only translate this into
 * their provider's request; they make no decisions.
 */
export interface ProviderMessage {
  /** Stable across retries of the step (run + node + channel): providers that dedupe get it. */
  idempotencyKey: string;
  channel: Channel;
  /** E.164 phone for WhatsApp / SMS, an email address, or a push device token. */
  recipient: string;
  category: OutboundMessage['category'];
  /** The provider-side template name (WhatsApp approved template, DLT-registered SMS text…). */
  templateName: string;
  /** The language actually used after fallback, e.g. `hi` or `en`. */
  language: string;
  /** Body parameters in the template's declared order ({{1}}, {{2}}… on WhatsApp). */
  parameters: string[];
  /** The same values by variable name, for providers that take named variables. */
  variables: Record<string, string>;
  /** Rendered text: the email / SMS / push body, or the WhatsApp free-form text. */
  body: string;
  /** Email subject or push title. */
  subject?: string;
  /** A header image or video (WhatsApp template header, email hero, push image). */
  media?: { kind: 'image' | 'video'; url: string };
  /** SMS: the DLT content template id registered with the operator (TRAI). */
  dltTemplateId?: string;
  /** Email: one-click unsubscribe URL (RFC 8058), also used for `List-Unsubscribe`. */
  unsubscribeUrl?: string;
  /** WhatsApp: free-form text (only allowed inside the 24-hour window) instead of a template. */
  freeForm?: boolean;
  /** Push: where tapping the notification leads. */
  deepLink?: string;
}

export interface ProviderReceipt {
  /** The provider's id for the message (wamid…, SMTP Message-ID, gateway id); webhooks refer to it. */
  providerMessageId: string;
}

/**
 * A provider refused or failed a send. `retryable` decides whether the activity retries
 * (timeouts, 429, 5xx) or the step gives up at once and may fall back (invalid number, opt-out).
 */
export class ProviderError extends Error {
  readonly retryable: boolean;
  /** The provider's own error code (e.g. WhatsApp 131050), kept for the reason shown to people. */
  readonly code?: string;
  constructor(message: string, options: { retryable: boolean; code?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.retryable = options.retryable;
    this.code = options.code;
  }
}

/** A channel adapter: the only code that speaks a provider's API. One instance per channel. */
export interface ChannelAdapter {
  /** `sandbox`, `whatsapp-cloud`, `smtp`, `sms-gateway`, `push-…` — stored on each message. */
  readonly provider: string;
  readonly channel: Channel;
  send(message: ProviderMessage): Promise<ProviderReceipt>;
}
