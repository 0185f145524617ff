import { DAY_MS } from '../contract/duration-math';
import type { OutboundMessage, SendResult } from '../contract/define-node';
import type { CustomerSnapshot } from '../contract/facts';
import { evaluateSendRules } from '../sending/evaluate';
import { channelChain, sendThroughChain } from '../sending/fallback-chain';
import {
  CONSENT_PURPOSES,
  DEFAULT_SEND_POLICY,
  SEND_CHANNELS,
  type ConsentState,
  type SendPolicy,
} from '../sending/types';

/**
 * The sending situation a simulation assumes. By default the customer has granted every
 * channel and purpose (the canvas asks "what would an opted-in customer get?"); pass consents to
 * see a journey for someone who has not.
 */
export interface SimulatedSendingSeed {
  consents?: ConsentState[];
  policy?: Partial<SendPolicy>;
  /** The customer's last inbound WhatsApp message (ISO), opening the 24-hour window. */
  lastInboundAt?: string;
  pendingErasure?: boolean;
}

/** A send the rules stopped or held in a simulation, as send_decisions records it in production. */
export interface SimulatedDecision {
  nodeId: string;
  channel: string;
  templateId: string;
  decision: 'skipped' | 'deferred' | 'failed';
  rule: string;
  reason: string;
  at: number;
  until?: number;
}

const everyConsent: ConsentState[] = SEND_CHANNELS.flatMap((channel) =>
  CONSENT_PURPOSES.map((purpose) => ({ channel, purpose, granted: true })),
);

/**
 * The simulator's channels: the same pure send rules and fallback walk as the worker's
 * pipeline, over the simulated clock and the messages sent so far in this run. Like the sandbox
 * provider it needs no address and never fails, so a fallback channel is never used.
 */
export function createSimulatedSending(seed: SimulatedSendingSeed = {}) {
  const policy = { ...DEFAULT_SEND_POLICY, ...seed.policy };
  const consents = seed.consents ?? everyConsent;
  let lastInboundAt = seed.lastInboundAt ? Date.parse(seed.lastInboundAt) : null;
  const marketingSentAt: number[] = [];
  const decisions: SimulatedDecision[] = [];

  return {
    decisions,
    /** An inbound reply reached the run: it opens WhatsApp's window. */
    noteInbound(at: number) {
      lastInboundAt = Math.max(lastInboundAt ?? at, at);
    },
    /** Decides one send at `now`; `deliver` records it and answers its message id. */
    async send(
      message: OutboundMessage,
      context: { nodeId: string; now: number; customer: CustomerSnapshot },
      deliver: (channel: OutboundMessage['channel'], freeForm: boolean) => string,
    ): Promise<SendResult> {
      const { now, nodeId } = context;
      const since = now - policy.frequencyWindowDays * DAY_MS;
      const result = await sendThroughChain(
        channelChain(message.channel, message.fallback),
        async (channel) => {
          const verdict = evaluateSendRules({
            now,
            channel,
            category: message.category,
            timeZone: context.customer.timeZone,
            consents,
            suppression: { pendingErasure: seed.pendingErasure },
            lastInboundAt,
            freeForm: message.freeForm !== undefined,
            hasTemplate: message.templateId !== '',
            quietHours: message.quietHours ?? 'wait',
            priority: message.priority ?? 'normal',
            policy,
            marketingInWindow: marketingSentAt.filter((at) => at > since && at <= now).length,
          });
          if (verdict.action === 'skip') return { kind: 'stopped', ...verdict };
          if (verdict.action === 'defer') return { kind: 'deferred', ...verdict };
          if (message.category === 'marketing') marketingSentAt.push(now);
          const messageId = deliver(channel, verdict.mode === 'free_form');
          return { kind: 'sent', messageId, created: true };
        },
      );
      const status = result.status ?? 'sent';
      if (status !== 'sent') {
        decisions.push({
          nodeId,
          channel: result.channel ?? message.channel,
          templateId: message.templateId,
          decision: status,
          rule: result.rule ?? 'unknown',
          reason: result.reason ?? '',
          at: now,
          ...(result.retryAt !== undefined ? { until: result.retryAt } : {}),
        });
      }
      return result;
    },
  };
}
