import { ProviderError } from '../channel-adapter';

// SMTP reply codes (RFC 5321 §4.2.1): 4yz is a transient failure, 5yz a permanent one. Errors
// without a reply are nodemailer's own codes; only connection-level ones are worth retrying.

const TRANSIENT_CONNECTION = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROXY']);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
}

/**
 * Turns what nodemailer threw into a ProviderError: 4xx replies and connection failures are
 * retryable, 5xx replies and everything else (bad config, bad message) permanent.
 * @example classifySmtpError(Object.assign(new Error('mailbox full'), { responseCode: 452 })).retryable // true
 */
export function classifySmtpError(error: unknown): ProviderError {
  const responseCode = field(error, 'responseCode');
  const code = field(error, 'code');
  const message = error instanceof Error ? error.message : String(error);
  if (typeof responseCode === 'number') {
    const retryable = responseCode >= 400 && responseCode < 500;
    return new ProviderError(`SMTP ${responseCode}: ${message}`, {
      retryable,
      code: String(responseCode),
      cause: error,
    });
  }
  const name = typeof code === 'string' ? code : 'unknown';
  return new ProviderError(`SMTP ${name}: ${message}`, {
    retryable: TRANSIENT_CONNECTION.has(name),
    code: name,
    cause: error,
  });
}
