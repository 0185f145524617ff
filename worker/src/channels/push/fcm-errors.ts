import { z } from 'zod';
import { isRetryableHttpStatus } from '../shared/provider-fetch';

// FCM v1 error codes (firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode).

const RETRYABLE: Record<string, boolean> = {
  UNSPECIFIED_ERROR: false,
  INVALID_ARGUMENT: false,
  /** The device token is no longer valid: the app was uninstalled or the token rotated. */
  UNREGISTERED: false,
  SENDER_ID_MISMATCH: false,
  QUOTA_EXCEEDED: true,
  UNAVAILABLE: true,
  INTERNAL: true,
  /** The APNs certificate or web-push key is invalid or missing. */
  THIRD_PARTY_AUTH_ERROR: false,
};

const errorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    status: z.string().optional(),
    details: z
      .array(z.object({ '@type': z.string().optional(), errorCode: z.string().optional() }))
      .optional(),
  }),
});

/**
 * The FCM error code of a failed send and whether to retry. A 401 without an FCM code is our
 * OAuth token being refused: retryable, after the caller drops the token.
 * @example classifyFcmError(404, { error: { details: [{ errorCode: 'UNREGISTERED' }] } }) // { code: 'UNREGISTERED', retryable: false, … }
 */
export function classifyFcmError(
  httpStatus: number,
  json: unknown,
): { code: string; retryable: boolean; message: string } {
  const parsed = errorSchema.safeParse(json);
  const error = parsed.success ? parsed.data.error : undefined;
  const fcmCode = error?.details?.find((d) => d.errorCode)?.errorCode;
  const message = error?.message ?? `HTTP ${httpStatus}`;
  if (fcmCode && fcmCode in RETRYABLE)
    return { code: fcmCode, retryable: RETRYABLE[fcmCode] ?? false, message };
  if (httpStatus === 401) return { code: 'UNAUTHENTICATED', retryable: true, message };
  return {
    code: fcmCode ?? error?.status ?? `http_${httpStatus}`,
    retryable: isRetryableHttpStatus(httpStatus),
    message,
  };
}
