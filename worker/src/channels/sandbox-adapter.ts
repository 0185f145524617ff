import type { Channel, ChannelAdapter } from './channel-adapter';

/**
 * The embedded default adapter: accepts every message and delivers nothing. The send pipeline
 * has already written the message to the outbox (messages table), which the outbox page shows;
 * the provider id is derived from the idempotency key, as a provider that dedupes would answer.
 * It needs no recipient address: a preview is still a preview.
 */
export function createSandboxAdapter(channel: Channel): ChannelAdapter {
  return {
    provider: 'sandbox',
    channel,
    send: async (message) => ({ providerMessageId: `sandbox:${message.idempotencyKey}` }),
  };
}
