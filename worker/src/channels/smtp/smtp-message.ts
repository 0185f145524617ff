import { createHash } from 'node:crypto';
import type { ProviderMessage } from '../channel-adapter';
import { senderDomain, type SmtpConfig } from './smtp-config';

/** The parts of nodemailer's mail options the adapter sets. */
export interface SmtpMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A Message-ID derived from the idempotency key, so a retried send carries the same id and
 * receiving servers can drop the duplicate.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${senderDomain(from)}>`;
}

/**
 * RFC 2369 `List-Unsubscribe` (https first, then mailto) and, when there is an https URL, the
 * RFC 8058 `List-Unsubscribe-Post: List-Unsubscribe=One-Click` that makes it one click.
 */
export function unsubscribeHeaders(
  unsubscribeUrl: string | undefined,
  mailto: string | undefined,
): Record<string, string> {
  const https = unsubscribeUrl?.startsWith('https://') ? unsubscribeUrl : undefined;
  const targets = [
    ...(https ? [`<${https}>`] : []),
    ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : []),
  ];
  if (targets.length === 0) return {};
  return {
    'List-Unsubscribe': targets.join(', '),
    ...(https ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}

function htmlBody(message: ProviderMessage): string {
  const media = message.media;
  const hero =
    media?.kind === 'image'
      ? `<img src="${escapeHtml(media.url)}" alt="" style="max-width:100%">`
      : media
        ? `<p><a href="${escapeHtml(media.url)}">Watch the video</a></p>`
        : '';
  const paragraphs = message.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const footer = message.unsubscribeUrl
    ? `<p style="font-size:12px;color:#666"><a href="${escapeHtml(message.unsubscribeUrl)}">Unsubscribe</a></p>`
    : '';
  return `<!doctype html><html lang="${escapeHtml(message.language)}"><body style="font-family:sans-serif;line-height:1.5">${hero}${paragraphs}${footer}</body></html>`;
}

/**
 * Translates one message into an email: subject, HTML and plain-text bodies, a stable
 * Message-ID, and the one-click unsubscribe headers.
 * @example smtpMail(message, { url: 'smtp://…', from: 'Brand <hello@brand.in>' })
 */
export function smtpMail(message: ProviderMessage, config: SmtpConfig): SmtpMail {
  const mediaLine = message.media ? `\n\n${message.media.url}` : '';
  const unsubscribeLine = message.unsubscribeUrl
    ? `\n\nUnsubscribe: ${message.unsubscribeUrl}`
    : '';
  return {
    from: config.from,
    to: message.recipient,
    subject: message.subject ?? '',
    text: `${message.body}${mediaLine}${unsubscribeLine}`,
    html: htmlBody(message),
    messageId: messageIdFor(message.idempotencyKey, config.from),
    headers: unsubscribeHeaders(message.unsubscribeUrl, config.unsubscribeMailto),
  };
}
