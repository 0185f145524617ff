import type { Db } from '@yatra/db';
import { createSendPipeline } from '../sending/pipeline';
import type { Channel, ChannelAdapter } from './channel-adapter';
import type { ChannelProvider } from './channel-provider';

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

/**
 * The send pipeline with every channel on the sandbox: the rules, the outbox row and its
 * status, no real provider. What tests and benches use unless they configure adapters.
 * @example createActivities({ db, registry, channels: createSandboxChannel(db) })
 */
export function createSandboxChannel(db: Db): ChannelProvider {
  return createSendPipeline({
    db,
    adapters: {
      whatsapp: createSandboxAdapter('whatsapp'),
      email: createSandboxAdapter('email'),
      sms: createSandboxAdapter('sms'),
      push: createSandboxAdapter('push'),
    },
  });
}
