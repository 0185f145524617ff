import type { SendResult } from '../contract/define-node';
import type { SendChannel, SendRule } from './types';

/** What one channel of a send came to. */
export type ChannelAttempt =
  | { kind: 'sent'; messageId: string; created: boolean }
  | { kind: 'deferred'; rule: SendRule; reason: string; until: number }
  /** The rules or the customer said no (consent, opt-out, cap…): no other channel may try. */
  | { kind: 'stopped'; rule: SendRule; reason: string }
  /** The channel cannot deliver (invalid number, no address, permanent provider error). */
  | { kind: 'undeliverable'; rule: SendRule; reason: string };

/**
 * The channels a send may use, in order: the node's channel, then its fallbacks (each once).
 * @example channelChain('whatsapp', ['sms', 'whatsapp']) // ['whatsapp', 'sms']
 */
export function channelChain(primary: SendChannel, fallback: readonly SendChannel[] = []) {
  return [...new Set([primary, ...fallback])];
}

/**
 * Walks a fallback chain: the next channel is tried only when the previous one is terminally
 * undeliverable — never after an opt-out, a rule that stopped the send, or a deferral (DOMAIN.md
 * §5). A fallback channel the rules stop (no consent there) passes to the next one. Walking
 * again with the same attempts gives the same answer, so a retried step resumes where it was.
 * @example await sendThroughChain(['whatsapp', 'sms'], (channel) => trySend(channel))
 */
export async function sendThroughChain(
  chain: readonly SendChannel[],
  attempt: (channel: SendChannel, index: number) => Promise<ChannelAttempt>,
): Promise<SendResult> {
  // The first failure explains the outcome best (WhatsApp's error, not the fallback's).
  let last: { channel: SendChannel; rule: SendRule; reason: string } | undefined;
  for (const [index, channel] of chain.entries()) {
    const result = await attempt(channel, index);
    switch (result.kind) {
      case 'sent':
        return { status: 'sent', channel, messageId: result.messageId, created: result.created };
      case 'deferred':
        return {
          status: 'deferred',
          channel,
          messageId: null,
          created: false,
          rule: result.rule,
          reason: result.reason,
          retryAt: result.until,
        };
      case 'stopped':
        if (index === 0) {
          return {
            status: 'skipped',
            channel,
            messageId: null,
            created: false,
            rule: result.rule,
            reason: result.reason,
          };
        }
        last ??= { channel, rule: result.rule, reason: result.reason };
        continue;
      case 'undeliverable':
        last ??= { channel, rule: result.rule, reason: result.reason };
        continue;
    }
  }
  return { status: 'failed', messageId: null, created: false, ...last };
}
