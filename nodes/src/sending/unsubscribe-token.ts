// Signed one-click unsubscribe tokens (RFC 8058): the link itself proves which customer and
// channel it withdraws, so no login is needed. Web Crypto only, so it runs in the worker (signing)
// and in the web app (verifying) alike.

/** What a token withdraws: marketing on one channel for one customer. */
export interface UnsubscribeClaim {
  customerId: string;
  channel: string;
}

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null; // an impossible length
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

/**
 * A token for `claim`, HMAC-SHA256-signed with `secret`: `<payload>.<signature>`, URL-safe.
 * @example await signUnsubscribeToken({ customerId: 'c1', channel: 'email' }, secret)
 */
export async function signUnsubscribeToken(
  claim: UnsubscribeClaim,
  secret: string,
): Promise<string> {
  const payload = toBase64Url(encoder.encode(JSON.stringify([claim.customerId, claim.channel])));
  const signature = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(secret, 'sign'),
    encoder.encode(payload),
  );
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/**
 * The claim a token carries, or null when it is malformed or not signed with `secret`
 * (Web Crypto's verify compares in constant time).
 * @example await verifyUnsubscribeToken(token, secret) // { customerId: 'c1', channel: 'email' }
 */
export async function verifyUnsubscribeToken(
  token: string,
  secret: string,
): Promise<UnsubscribeClaim | null> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const signatureBytes = fromBase64Url(signature);
  const payloadBytes = fromBase64Url(payload);
  if (!signatureBytes || !payloadBytes) return null;
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(secret, 'verify'),
    signatureBytes,
    encoder.encode(payload),
  );
  if (!valid) return null;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(payloadBytes));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [customerId, channel]: unknown[] = parsed;
    if (typeof customerId !== 'string' || typeof channel !== 'string') return null;
    return { customerId, channel };
  } catch {
    return null;
  }
}

/** Used when YATRA_UNSUBSCRIBE_SECRET is unset: fine for `npm start`, never for production. */
export const DEV_UNSUBSCRIBE_SECRET = 'yatra-dev-unsubscribe-secret';

/**
 * The secret that signs and verifies unsubscribe links; worker and web must agree, so both
 * read it here from their environment.
 * @example unsubscribeSecret(process.env)
 */
export function unsubscribeSecret(env: Record<string, string | undefined>): string {
  return env.YATRA_UNSUBSCRIBE_SECRET?.trim() || DEV_UNSUBSCRIBE_SECRET;
}
