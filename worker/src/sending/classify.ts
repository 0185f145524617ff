import type { Channel, ProviderError } from '../channels/channel-adapter';
import {
  WHATSAPP_MARKETING_LIMIT,
  WHATSAPP_MARKETING_OPT_OUT,
} from '../channels/whatsapp/whatsapp-errors';

/** What a permanent provider error means for the send. */
export type PermanentFailure =
  /** The customer opted out at the provider (WhatsApp 131050): withdraw consent, no fallback. */
  | 'opt_out'
  /** WhatsApp 131049, the per-user marketing limit: try once more after 24 h, never elsewhere. */
  | 'marketing_limit'
  /** The channel cannot deliver this message: the node's fallback chain may carry it. */
  | 'undeliverable';

/**
 * Classifies a permanent (non-retryable) provider error; retryable ones never get here, the
 * activity retries them. Adapters keep the full code tables (docs/channels.md).
 * @example classifyPermanent('whatsapp', '131050') // 'opt_out'
 */
export function classifyPermanent(channel: Channel, code: ProviderError['code']): PermanentFailure {
  if (channel === 'whatsapp' && code === WHATSAPP_MARKETING_OPT_OUT) return 'opt_out';
  if (channel === 'whatsapp' && code === WHATSAPP_MARKETING_LIMIT) return 'marketing_limit';
  return 'undeliverable';
}
