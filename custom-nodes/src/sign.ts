// HMAC-SHA256 with Web Crypto (global in Node and browsers): node files import no `node:crypto`.

/**
 * Hex HMAC-SHA256 of `message` under `secret`.
 * @example await hmacSha256Hex('shh', '1767225600.{"id":"r1:n1:3"}') // '5c0f…'
 */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return Array.from(new Uint8Array(signature), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `X-Yatra-Signature` header: `t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">`. A receiver
 * recomputes the HMAC over the raw body with the shared secret, compares in constant time, and
 * rejects old timestamps (replays).
 * @example await signatureHeader('shh', 1767225600, body) // 't=1767225600,v1=5c0f…'
 */
export async function signatureHeader(
  secret: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  return `t=${timestampSeconds},v1=${await hmacSha256Hex(secret, `${timestampSeconds}.${body}`)}`;
}
