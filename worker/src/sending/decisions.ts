import { recordSendDecision, type Db, type SendDecision } from '@yatra/db';
import type { OutboundMessage } from '@yatra/nodes';
import type { Channel } from '../channels/channel-adapter';
import type { ChannelAdapters } from '../channels/adapters';
import type { StepChannelScope } from '../channels/channel-provider';

/** What the send pipeline is built from. */
export interface SendPipelineDeps {
  db: Db;
  adapters: ChannelAdapters;
  /** Signs one-click unsubscribe links for email; without it emails carry none. */
  unsubscribe?: { secret: string; baseUrl: string };
}

/** One step's send in flight: the pipeline's services, the step and the node's message. */
export interface StepSend extends SendPipelineDeps {
  scope: StepChannelScope;
  message: OutboundMessage;
}

/**
 * Records why a send on `channel` was stopped, delayed, redirected or failed, once per
 * (send key, decision, rule): a retried activity finds the row it wrote and answers it.
 */
export function recordDecision(
  step: StepSend,
  channel: Channel,
  category: string,
  sendKey: string,
  decision: { decision: string; rule: string; reason: string; until?: Date },
): Promise<SendDecision> {
  const { scope, message } = step;
  return recordSendDecision(step.db, {
    idempotencyKey: `${sendKey}:${decision.decision}:${decision.rule}`,
    runId: scope.state.run.runId,
    journeyId: scope.state.run.journeyId,
    nodeId: scope.nodeId,
    customerId: scope.state.facts.customer.id,
    channel,
    templateId: message.templateId,
    category,
    decision: decision.decision,
    rule: decision.rule,
    reason: decision.reason,
    until: decision.until ?? null,
    createdAt: scope.at,
  });
}
