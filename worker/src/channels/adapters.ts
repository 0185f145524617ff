import type { Channel, ChannelAdapter } from './channel-adapter';
import { createPushAdapter, pushConfigFromEnv } from './push';
import { createSandboxAdapter } from './sandbox-adapter';
import { createSmsAdapter, smsConfigFromEnv } from './sms';
import { createSmtpAdapter, smtpConfigFromEnv } from './smtp';
import { createWhatsAppAdapter, whatsAppConfigFromEnv } from './whatsapp';

/** The adapter each channel sends with. */
export type ChannelAdapters = Record<Channel, ChannelAdapter>;

type Env = Record<string, string | undefined>;

/**
 * Real adapters by channel: each reads its own variables and answers null when they are unset
 * (docs/channels.md lists them). One line per adapter; a channel without one stays on the sandbox.
 */
const REAL_ADAPTERS: Record<Channel, (env: Env) => ChannelAdapter | null> = {
  whatsapp: (env) => {
    const config = whatsAppConfigFromEnv(env);
    return config && createWhatsAppAdapter(config);
  },
  email: (env) => {
    const config = smtpConfigFromEnv(env);
    return config && createSmtpAdapter(config);
  },
  sms: (env) => {
    const config = smsConfigFromEnv(env);
    return config && createSmsAdapter(config);
  },
  push: (env) => {
    const config = pushConfigFromEnv(env);
    return config && createPushAdapter(config);
  },
};

/**
 * The adapters the environment configures, channel by channel; the sandbox wherever nothing is
 * configured (the embedded default), so `npm start` sends nothing real. Invalid settings throw
 * at start, naming the variable.
 * @example const adapters = createChannelAdapters(process.env); adapters.whatsapp.provider // 'sandbox'
 */
export function createChannelAdapters(env: Env = process.env): ChannelAdapters {
  const pick = (channel: Channel) => REAL_ADAPTERS[channel](env) ?? createSandboxAdapter(channel);
  return { whatsapp: pick('whatsapp'), email: pick('email'), sms: pick('sms'), push: pick('push') };
}

/** Every channel on the sandbox: what tests and benches send with unless they configure more. */
export function sandboxAdapters(): ChannelAdapters {
  return createChannelAdapters({});
}
