import { z } from 'zod';
import { ProviderError, type ChannelAdapter } from '../channel-adapter';
import {
  excerpt,
  isRetryableHttpStatus,
  providerFetch,
  type ProviderFetchOptions,
} from '../shared/provider-fetch';
import type { SmsConfig } from './sms-config';
import { smsRequestFields } from './sms-request';

// Gupshup answers HTTP 200 for accepted and refused requests alike; the JSON says which:
// {"response":{"id":"<message id>","phone":"91…","details":"","status":"success"}} or
// {"response":{"id":"<error code>","details":"<why>","status":"error"}}.
const answerSchema = z.object({
  response: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    status: z.string(),
    details: z.string().optional(),
  }),
});

/**
 * SMS through the Gupshup Enterprise SMS API (POST form to /GatewayAPI/rest). A refused request
 * (`status: error`: bad credentials, number, DLT mismatch) is permanent; 429, 5xx and network
 * failures are retryable.
 * @example const sms = createSmsAdapter(smsConfigFromEnv()!);
 */
export function createSmsAdapter(
  config: SmsConfig,
  options: ProviderFetchOptions = {},
): ChannelAdapter {
  return {
    provider: 'sms-gupshup',
    channel: 'sms',
    async send(message) {
      const body = new URLSearchParams(smsRequestFields(message, config)).toString();
      const answer = await providerFetch(
        'sms-gupshup',
        config.baseUrl,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
        },
        options,
      );
      if (answer.status < 200 || answer.status >= 300)
        throw new ProviderError(`Gupshup HTTP ${answer.status}: ${excerpt(answer.text)}`, {
          retryable: isRetryableHttpStatus(answer.status),
          code: `http_${answer.status}`,
        });
      const parsed = answerSchema.safeParse(answer.json);
      if (!parsed.success)
        throw new ProviderError(`Gupshup answered something unexpected: ${excerpt(answer.text)}`, {
          retryable: false,
          code: 'unexpected_answer',
        });
      const { id, status, details } = parsed.data.response;
      if (status !== 'success')
        throw new ProviderError(`Gupshup error ${id}: ${details ?? 'no details'}`, {
          retryable: false,
          code: id,
        });
      return { providerMessageId: id };
    },
  };
}
