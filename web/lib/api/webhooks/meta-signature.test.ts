import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, metaSignature, verifyMetaSignature } from './meta-signature';

const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

describe('X-Hub-Signature-256', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body with the app secret', () => {
    const hex = createHmac('sha256', 'secret').update(body).digest('hex');
    expect(metaSignature(body, 'secret')).toBe(`sha256=${hex}`);
  });

  it('verifies only the exact bytes with the right secret', () => {
    const signature = metaSignature(body, 'secret');
    expect(verifyMetaSignature(body, signature, 'secret')).toBe(true);
    expect(verifyMetaSignature(body, signature, 'other-secret')).toBe(false);
    // Same JSON, different bytes: a re-serialised body must not pass.
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyMetaSignature(reformatted, signature, 'secret')).toBe(false);
    expect(verifyMetaSignature(body, null, 'secret')).toBe(false);
    expect(verifyMetaSignature(body, '', 'secret')).toBe(false);
    expect(verifyMetaSignature(body, signature.replace('sha256=', 'sha1='), 'secret')).toBe(false);
    expect(verifyMetaSignature(body, signature.slice(0, -1), 'secret')).toBe(false);
  });

  it('compares strings of different lengths without throwing', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('token', 'token')).toBe(true);
  });
});
