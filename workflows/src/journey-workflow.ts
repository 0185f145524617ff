import {
  ActivityFailure,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  rootCause,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
// Deep imports, never the @yatra/nodes barrel: every workflow evaluates its bundle's modules, and
// the barrel would bring zod and every schema along (see docs/design-notes.md).
import { enterJourney } from '@yatra/nodes/engine/step';
import { runJourney } from '@yatra/nodes/engine/run-journey';
import { DEFAULT_ACTIVITY } from '@yatra/nodes/journey/ir';
import type { CustomerEvent, CustomerSnapshot } from '@yatra/nodes/contract/facts';
import type { CompiledJourney, CompiledNode } from '@yatra/nodes/journey/ir';
import type { ActionEffect, RunIdentity, RunState, StepRecord } from '@yatra/nodes/engine/state';
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

/** patched() id: a step that fails for good finishes the run as `failed` before the workflow fails. */
const FINISH_FAILED_RUNS = 'finish-failed-runs';

/** Records the failing step and closes the run as failed (idempotent: finishRun only moves `running`). */
async function finishFailedRun(
  state: RunState,
  effect: ActionEffect,
  records: StepRecord[],
  error: string,
): Promise<void> {
  const at = Date.now();
  const failed: StepRecord = {
    seq: state.seq,
    nodeId: effect.nodeId,
    nodeType: effect.nodeType,
    port: null,
    at,
    detail: { exit: 'failed', error },
  };
  await bookkeeping.finishRun({
    runId: state.run.runId,
    records: [...records, failed],
    reason: 'failed',
    at,
  });
}

const actionProxies = new Map<string, JourneyActivities>();

/** Activity options come from the node type's declaration, compiled into the IR. */
function actionsFor(node: CompiledNode | undefined): JourneyActivities {
  const { startToCloseTimeoutMs, retry, heartbeatTimeoutMs } = node?.activity ?? DEFAULT_ACTIVITY;
  const key = [
    startToCloseTimeoutMs,
    retry.initialIntervalMs,
    retry.maximumAttempts ?? '∞',
    heartbeatTimeoutMs ?? '-',
  ].join('/');
  let proxy = actionProxies.get(key);
  if (!proxy) {
    proxy = proxyActivities<JourneyActivities>({
      startToCloseTimeout: startToCloseTimeoutMs,
      ...(heartbeatTimeoutMs ? { heartbeatTimeout: heartbeatTimeoutMs } : {}),
      retry: {
        initialInterval: retry.initialIntervalMs,
        ...(retry.maximumAttempts ? { maximumAttempts: retry.maximumAttempts } : {}),
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
      const node = input.ir.nodes[effect.nodeId];
      try {
        return await actionsFor(node).executeNode({ effect, state, records, now: Date.now() });
      } catch (error) {
        // A node that declares a failure port (render → fallback) degrades instead of failing
        // the run once its retries or timeout are spent. Nodes without one fail as before, so
        // recorded histories replay unchanged.
        const failurePort = node?.activity?.failurePort;
        if (!(error instanceof ActivityFailure) || isCancellation(error)) throw error;
        if (!failurePort) {
          // The run fails with the step; close its journey_runs row first, with the reason, or
          // it would show `running` for ever. Guarded: it adds an activity to failing histories.
          if (patched(FINISH_FAILED_RUNS))
            await finishFailedRun(state, effect, records, rootCause(error) ?? error.message);
          throw error;
        }
        // The failed activity may never have stored the steps that led here (idempotent on seq).
        if (records.length > 0) await bookkeeping.recordSteps({ runId: state.run.runId, records });
        return { port: failurePort, output: { error: rootCause(error) ?? error.message } };
      }
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
