import { z } from 'zod';
import { ProviderError, type ChannelAdapter } from '../channel-adapter';
import { excerpt, postJson, type ProviderFetchOptions } from '../shared/provider-fetch';
import { classifyFcmError } from './fcm-errors';
import { fcmRequestBody } from './fcm-request';
import { createAccessTokenSource } from './fcm-token';
import type { PushConfig } from './push-config';

const sentSchema = z.object({ name: z.string().min(1) });

/**
 * App push through Firebase Cloud Messaging HTTP v1:
 * POST {fcmUrl}/v1/projects/{projectId}/messages:send with an OAuth2 bearer token from the
 * service account. The recipient is the device's FCM registration token; the provider id is the
 * message name FCM returns (`projects/…/messages/…`).
 * @example const push = createPushAdapter(pushConfigFromEnv()!);
 */
export function createPushAdapter(
  config: PushConfig,
  options: ProviderFetchOptions & { now?: () => number } = {},
): ChannelAdapter {
  const tokens = createAccessTokenSource(config.account, config.tokenUri, options);
  const url = `${config.fcmUrl}/v1/projects/${encodeURIComponent(config.projectId)}/messages:send`;
  return {
    provider: 'push-fcm',
    channel: 'push',
    async send(message) {
      const answer = await postJson('push-fcm', url, fcmRequestBody(message), {
        ...options,
        bearer: await tokens.token(),
      });
      if (answer.status !== 200) {
        const { code, retryable, message: why } = classifyFcmError(answer.status, answer.json);
        if (code === 'UNAUTHENTICATED') tokens.invalidate();
        throw new ProviderError(`FCM ${code}: ${why}`, { retryable, code });
      }
      const sent = sentSchema.safeParse(answer.json);
      if (!sent.success)
        throw new ProviderError(
          `FCM answered 200 without a message name: ${excerpt(answer.text)}`,
          {
            retryable: false,
            code: 'no_message_name',
          },
        );
      return { providerMessageId: sent.data.name };
    },
  };
}
