import {
  channelChain,
  sendThroughChain,
  type OutboundMessage,
  type SendResult,
} from '@yatra/nodes';
import type { ChannelProvider, StepChannelScope } from '../channels/channel-provider';
import { attemptChannel } from './channel-attempt';
import { recordDecision, type SendPipelineDeps, type StepSend } from './decisions';

export type { SendPipelineDeps } from './decisions';

/**
 * One send: the node's channel, then its fallbacks while a channel is terminally undeliverable
 * (never after an opt-out, a rule or a deferral). A fallback is recorded with why it happened
 * and points at the message it replaces.
 */
async function send(
  deps: SendPipelineDeps,
  scope: StepChannelScope,
  message: OutboundMessage,
): Promise<SendResult> {
  const step: StepSend = { ...deps, scope, message };
  let primaryMessageId: string | null = null;
  let previous: { channel: string; reason: string } | undefined;
  return sendThroughChain(
    channelChain(message.channel, message.fallback),
    async (channel, index) => {
      if (index > 0 && previous) {
        await recordDecision(
          step,
          channel,
          message.category,
          `${scope.idempotencyKey}:${channel}`,
          {
            decision: 'fallback',
            rule: 'provider',
            reason: `${previous.channel} could not deliver (${previous.reason}): trying ${channel}`,
          },
        );
      }
      const { attempt, messageId } = await attemptChannel(step, channel, primaryMessageId);
      if (index === 0) primaryMessageId = messageId;
      if (attempt.kind === 'undeliverable' || attempt.kind === 'stopped')
        previous = { channel, reason: attempt.reason };
      return attempt;
    },
  );
}

/**
 * The send pipeline behind every step's `ctx.channels`: rules (consent, WhatsApp window,
 * quiet hours, frequency cap) → record stops → template → exactly-once delivery through the
 * channel's adapter → fallback chain. docs/sending.md explains each stage.
 * @example createActivities({ db, registry, channels: createSendPipeline({ db, adapters: createChannelAdapters() }) })
 */
export function createSendPipeline(deps: SendPipelineDeps): ChannelProvider {
  return { forStep: (scope) => ({ send: (message) => send(deps, scope, message) }) };
}
