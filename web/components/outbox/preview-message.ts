// One message as the outbox and the template editor draw it, whatever the channel. The outbox
// builds it from a `messages` row plus the registry (to-preview.ts); the template editor from a
// variant and sample values.

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface PreviewMedia {
  kind: 'image' | 'video' | 'document';
  url: string;
  /** A still for a video (the render-video step's thumbnail). */
  poster?: string;
}

export interface PreviewMessage {
  id: string;
  channel: string;
  templateId: string;
  category: string;
  language: string | null;
  /** Who it went to: E.164 phone, email address or device token. */
  recipient: string;
  /** The customer's name when the message knows it (the `name` variable). */
  recipientName?: string;
  customerId: string;
  body: string;
  subject?: string;
  media?: PreviewMedia;
  dltTemplateId?: string;
  status: MessageStatus;
  errorCode?: string;
  /** Journey time of the send. */
  at: Date;
  provider: string;
  /** The message this one replaced (WhatsApp → SMS fallback). */
  fallbackOf?: string;
}

/** Who the customer sees as the sender, per channel (provider settings where configured). */
export interface SenderIdentity {
  emailFrom: string;
  smsSenderId: string;
  appName: string;
}

export const CHANNEL_NAMES: Record<string, string> = {
  whatsapp: 'WhatsApp',
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

/** 10:04, in India time, as the phone would show it. */
export function clockTime(at: Date): string {
  return at.toLocaleTimeString('en-IN', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Kolkata',
  });
}
