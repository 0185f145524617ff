import { z } from 'zod';
import { ProviderError, type ChannelAdapter } from '../channel-adapter';
import { excerpt, postJson, type ProviderFetchOptions } from '../shared/provider-fetch';
import type { WhatsAppConfig } from './whatsapp-config';
import { classifyWhatsAppError } from './whatsapp-errors';
import { whatsAppRequestBody } from './whatsapp-request';

const acceptedSchema = z.object({
  messages: z.array(z.object({ id: z.string().min(1) })).min(1),
});

const errorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().int().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

/** The error a Cloud API answer carries, as a ProviderError with Meta's code. */
function toProviderError(status: number, json: unknown, text: string): ProviderError {
  const parsed = errorSchema.safeParse(json);
  const error = parsed.success ? parsed.data.error : undefined;
  const { retryable, reason } = classifyWhatsAppError(status, error?.code);
  const details = error?.error_data?.details ?? error?.message ?? excerpt(text);
  return new ProviderError(
    `WhatsApp ${error?.code ?? `HTTP ${status}`}: ${reason}${details ? ` — ${details}` : ''}`,
    { retryable, code: error?.code === undefined ? `http_${status}` : String(error.code) },
  );
}

/**
 * The WhatsApp Cloud API adapter: POST {baseUrl}/{version}/{phoneNumberId}/messages with the
 * bearer token; answers with the `wamid…` that delivery webhooks refer to.
 * @example const whatsapp = createWhatsAppAdapter(whatsAppConfigFromEnv()!);
 */
export function createWhatsAppAdapter(
  config: WhatsAppConfig,
  options: ProviderFetchOptions = {},
): ChannelAdapter {
  const url = `${config.baseUrl}/${config.apiVersion}/${config.phoneNumberId}/messages`;
  return {
    provider: 'whatsapp-cloud',
    channel: 'whatsapp',
    async send(message) {
      const answer = await postJson('whatsapp-cloud', url, whatsAppRequestBody(message), {
        ...options,
        bearer: config.token,
      });
      if (answer.status < 200 || answer.status >= 300)
        throw toProviderError(answer.status, answer.json, answer.text);
      const accepted = acceptedSchema.safeParse(answer.json);
      const id = accepted.success ? accepted.data.messages[0]?.id : undefined;
      // A 2xx without a message id cannot be tracked; retrying could send twice, so give up.
      if (!id)
        throw new ProviderError(
          `WhatsApp answered ${answer.status} without a message id: ${excerpt(answer.text)}`,
          { retryable: false, code: 'no_message_id' },
        );
      return { providerMessageId: id };
    },
  };
}
