import { describe, expect, it } from 'vitest';
import { classifyWhatsAppError } from './whatsapp-errors';

describe('classifyWhatsAppError', () => {
  it.each([
    [400, 130429, true], // throughput limit
    [500, 131000, true], // something went wrong
    [503, 131016, true], // service unavailable
    [400, 131056, true], // pair rate limit
    [400, 131026, false], // undeliverable
    [400, 131049, false], // per-user marketing limit: the pipeline defers, the activity must not retry
    [400, 131050, false], // opted out of marketing
    [400, 131047, false], // outside the 24-hour window
    [400, 100, false], // invalid parameter
    [400, 132001, false], // template does not exist
    [400, 132015, false], // template paused
    [401, 190, false], // token expired
  ])('HTTP %i with code %i → retryable %s', (status, code, retryable) => {
    expect(classifyWhatsAppError(status, code).retryable).toBe(retryable);
  });

  it('falls back to the HTTP status for codes it does not know', () => {
    expect(classifyWhatsAppError(429, 999999).retryable).toBe(true);
    expect(classifyWhatsAppError(502).retryable).toBe(true);
    expect(classifyWhatsAppError(400, 999999).retryable).toBe(false);
    expect(classifyWhatsAppError(404).retryable).toBe(false);
  });
});
