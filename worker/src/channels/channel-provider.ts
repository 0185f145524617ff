import type { NodeContext, RunState } from '@yatra/nodes';

/** Where one step's send goes: bound to the step's idempotency key, run and time. */
export interface StepChannelScope {
  idempotencyKey: string;
  state: RunState;
  nodeId: string;
  at: Date;
}

/**
 * A channel provider gives each action step its `ctx.channels`. Implementations must make a
 * send with the same idempotency key happen at most once.
 */
export interface ChannelProvider {
  forStep(scope: StepChannelScope): NodeContext['channels'];
}
