import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `X-Hub-Signature-256` value Meta sends: `sha256=` + HMAC-SHA256 of the raw body, keyed
 * with the app secret, in lowercase hex.
 * @example metaSignature(Buffer.from('{"object":"whatsapp_business_account"}'), 'app-secret')
 */
export function metaSignature(rawBody: Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** String equality in constant time for equal lengths: a secret's comparison reveals nothing by timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the `X-Hub-Signature-256` header signs exactly these bytes. */
export function verifyMetaSignature(
  rawBody: Uint8Array,
  header: string | null,
  appSecret: string,
): boolean {
  return header !== null && constantTimeEqual(header.trim(), metaSignature(rawBody, appSecret));
}
