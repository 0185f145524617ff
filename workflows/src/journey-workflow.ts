import {
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  defaultRegistry,
  enterJourney,
  runJourney,
  type CompiledJourney,
  type CustomerEvent,
  type CustomerSnapshot,
  type RunIdentity,
  type RunState,
} from '@yatra/nodes';
import type { JourneyActivities } from '@yatra/worker/activities';
import { customerEventSignal, runStateQuery } from './signals';

export interface JourneyWorkflowInput {
  /** The compiled version the customer entered with: the run stays on it for life. */
  ir: CompiledJourney;
  run: RunIdentity;
  customer: CustomerSnapshot;
  entryEvent: CustomerEvent;
  /** Set when the run continues as new: where it was and events not yet handled. */
  resume?: { state: RunState; inbox: CustomerEvent[] };
  /** Roll over to a fresh history after this many events (default 2,000). */
  historyLimit?: number;
}

// History stays far below Temporal's limits: roll over well before its own suggestion would.
const HISTORY_EVENTS_BEFORE_ROLLOVER = 2_000;

const bookkeeping = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const actionProxies = new Map<string, JourneyActivities>();

/** Activity options come from the node type's own declaration (timeout, retry policy). */
function actionsFor(nodeType: string, typeVersion: number): JourneyActivities {
  const key = `${nodeType}@${typeVersion}`;
  let proxy = actionProxies.get(key);
  if (!proxy) {
    const def = defaultRegistry.get(nodeType, typeVersion);
    proxy = proxyActivities<JourneyActivities>({
      startToCloseTimeout: def?.timeoutMs ?? 60_000,
      retry: {
        initialInterval: def?.retry?.initialIntervalMs ?? 1_000,
        maximumAttempts: def?.retry?.maximumAttempts ?? 0,
        backoffCoefficient: 2,
        maximumInterval: '5 minutes',
      },
    });
    actionProxies.set(key, proxy);
  }
  return proxy;
}

/**
 * One customer's run through one journey version: a thin shell over the pure interpreter
 * (`runJourney` from @yatra/nodes) that turns its requests into durable timers, signals and
 * activities. The same loop powers the simulator.
 */
export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<{ reason: string }> {
  const inbox: CustomerEvent[] = [...(input.resume?.inbox ?? [])];
  let current: RunState | null = input.resume?.state ?? null;
  setHandler(customerEventSignal, (event) => {
    inbox.push(event);
  });
  setHandler(runStateQuery, () => current);

  const start = input.resume
    ? { state: input.resume.state, records: [] }
    : enterJourney(input.ir, {
        run: input.run,
        customer: input.customer,
        entryEvent: input.entryEvent,
        now: Date.now(),
      });

  const final = await runJourney(input.ir, start, {
    now: () => Date.now(),
    takeEvent: () => inbox.shift(),
    async waitForEvent(until) {
      const remaining = until - Date.now();
      if (inbox.length > 0) return true;
      if (remaining <= 0) return false;
      return condition(() => inbox.length > 0, remaining);
    },
    async runAction(effect, state, records) {
      current = state;
      return actionsFor(effect.nodeType, effect.typeVersion).executeNode({
        effect,
        state,
        records,
        now: Date.now(),
      });
    },
    async flush(records, state) {
      current = state;
      await bookkeeping.recordSteps({ runId: state.run.runId, records });
    },
    async checkpoint(state) {
      current = state;
      const info = workflowInfo();
      if (
        info.continueAsNewSuggested ||
        info.historyLength > (input.historyLimit ?? HISTORY_EVENTS_BEFORE_ROLLOVER)
      ) {
        await continueAsNew<typeof journeyWorkflow>({
          ...input,
          resume: { state, inbox: [...inbox] },
        });
      }
    },
    async finish(state, records) {
      current = state;
      const exit =
        state.pending.kind === 'exit' ? state.pending : { reason: 'unknown', at: Date.now() };
      await bookkeeping.finishRun({
        runId: state.run.runId,
        records,
        reason: exit.reason,
        at: exit.at,
      });
    },
  });
  return { reason: final.pending.kind === 'exit' ? final.pending.reason : 'unknown' };
}
