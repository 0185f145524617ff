import { isRetryableHttpStatus } from '../shared/provider-fetch';

// Meta's Cloud API error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes),
// classified for the send activity: retryable means "the same request may succeed later".
// The table is in docs/channels.md; the pipeline reads three codes by name.

/** Per-user marketing template limit ("Meta chose not to deliver"): defer ≥ 24 h, never loop, never fall back. */
export const WHATSAPP_MARKETING_LIMIT = '131049';
/** The customer stopped marketing messages from the business: an opt-out, never fall back. */
export const WHATSAPP_MARKETING_OPT_OUT = '131050';
/** The message cannot be delivered (not on WhatsApp, old app, terms not accepted): may fall back to SMS. */
export const WHATSAPP_UNDELIVERABLE = '131026';

interface Classification {
  retryable: boolean;
  reason: string;
}

const KNOWN: ReadonlyMap<number, Classification> = new Map([
  // Temporary: the same request may go through later.
  [1, { retryable: true, reason: 'unknown API error (possible server error)' }],
  [2, { retryable: true, reason: 'API service temporarily unavailable' }],
  [4, { retryable: true, reason: 'app API call rate limit' }],
  [80007, { retryable: true, reason: 'WhatsApp Business Account rate limit' }],
  [130429, { retryable: true, reason: 'Cloud API throughput limit' }],
  [131000, { retryable: true, reason: 'something went wrong at Meta' }],
  [131016, { retryable: true, reason: 'service temporarily unavailable' }],
  [131056, { retryable: true, reason: 'too many messages to this customer in a short time' }],
  [131057, { retryable: true, reason: 'business account in maintenance mode' }],
  [133004, { retryable: true, reason: 'server temporarily unavailable' }],
  // Permanent: retrying the same request cannot help.
  [0, { retryable: false, reason: 'authentication failed (access token)' }],
  [3, { retryable: false, reason: 'missing capability or permission' }],
  [10, { retryable: false, reason: 'permission denied' }],
  [190, { retryable: false, reason: 'access token expired' }],
  [33, { retryable: false, reason: 'business phone number deleted or invalid' }],
  [100, { retryable: false, reason: 'invalid parameter' }],
  [368, { retryable: false, reason: 'account temporarily blocked for policy violations' }],
  [130472, { retryable: false, reason: "customer's number is part of a Meta experiment" }],
  [130497, { retryable: false, reason: 'business may not message customers in this country' }],
  [131005, { retryable: false, reason: 'access denied' }],
  [131008, { retryable: false, reason: 'required parameter missing' }],
  [131009, { retryable: false, reason: 'parameter value not valid' }],
  [131021, { retryable: false, reason: 'recipient is the sender' }],
  [Number(WHATSAPP_UNDELIVERABLE), { retryable: false, reason: 'message undeliverable' }],
  [131031, { retryable: false, reason: 'business account locked' }],
  [131042, { retryable: false, reason: 'business payment issue' }],
  [131045, { retryable: false, reason: 'phone number certificate problem' }],
  [131047, { retryable: false, reason: 'outside the 24-hour window: send a template' }],
  [131048, { retryable: false, reason: 'spam rate limit: quality-based limit on this number' }],
  [Number(WHATSAPP_MARKETING_LIMIT), { retryable: false, reason: 'per-user marketing limit' }],
  [
    Number(WHATSAPP_MARKETING_OPT_OUT),
    { retryable: false, reason: 'customer stopped marketing messages' },
  ],
  [131051, { retryable: false, reason: 'unsupported message type' }],
  [131052, { retryable: false, reason: 'media download error' }],
  [131053, { retryable: false, reason: 'media upload error' }],
  [133010, { retryable: false, reason: 'business phone number not registered' }],
]);

/**
 * Classifies a Cloud API error. The error code decides; HTTP status only for codes the table
 * does not know (Meta answers most errors, temporary ones included, with HTTP 400).
 * @example classifyWhatsAppError(400, 131049) // { retryable: false, reason: 'per-user marketing limit' }
 */
export function classifyWhatsAppError(httpStatus: number, code?: number): Classification {
  if (code !== undefined) {
    const known = KNOWN.get(code);
    if (known) return known;
    if (code >= 132000 && code < 133000)
      return { retryable: false, reason: 'template problem (missing, paused or parameters)' };
    if (code >= 200 && code < 300) return { retryable: false, reason: 'API permission missing' };
  }
  return isRetryableHttpStatus(httpStatus)
    ? { retryable: true, reason: `HTTP ${httpStatus}` }
    : { retryable: false, reason: `rejected with HTTP ${httpStatus}` };
}
