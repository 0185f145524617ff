import type { NodeContext } from '../contract/define-node';
import { renderTemplate } from '../contract/render-template';
import type { ActionEffect, RunState } from './state';

/**
 * Builds the `ctx` an action node's `run` receives from the run's state and the host's services.
 * Used by the worker and the simulator alike, so nodes see the same facts in both.
 */
export function createNodeContext(
  effect: ActionEffect,
  state: RunState,
  services: Pick<NodeContext, 'channels' | 'logger' | 'media' | 'loyalty' | 'http' | 'secrets'> & {
    now: Date;
    attempt: number;
    heartbeat?: () => void;
  },
): NodeContext {
  const { journeyId, versionId, runId } = state.run;
  return {
    idempotencyKey: effect.idempotencyKey,
    now: services.now,
    attempt: services.attempt,
    run: { journeyId, versionId, runId, nodeId: effect.nodeId },
    customer: state.facts.customer,
    facts: state.facts,
    render: (template) => renderTemplate(template, state.facts),
    channels: services.channels,
    logger: services.logger,
    media: services.media,
    loyalty: services.loyalty,
    http: services.http,
    secrets: services.secrets,
    heartbeat: services.heartbeat ?? (() => undefined),
  };
}
