import type { CustomerEvent } from '../contract/facts';
import type { CompiledJourney } from '../journey/ir';
import { builtinControls, type ControlLookup } from './control-nodes';
import type { ActionEffect, RunState, StepOutcome, StepRecord } from './state';
import { step } from './step';

/**
 * What a host must provide to run a journey: a clock, an event inbox, a way to run action
 * nodes and a place to put step records. The Temporal workflow and the simulator are the two
 * hosts; both run this same loop, so a simulation cannot disagree with production.
 */
export interface JourneyHost {
  now(): number;
  /** The next event that has already arrived, if any. Never blocks. */
  takeEvent(): CustomerEvent | undefined;
  /** Resolves true as soon as an event is available, or false once `until` has passed. */
  waitForEvent(until: number): Promise<boolean>;
  /** Runs an action node; `records` are the steps since the last flush, to persist with it. */
  runAction(
    effect: ActionEffect,
    state: RunState,
    records: StepRecord[],
  ): Promise<{ port: string; output?: Record<string, unknown>; retryAt?: number }>;
  /** Persists step records when the run is about to wait. */
  flush(records: StepRecord[], state: RunState): Promise<void>;
  /** Called before each wait with the whole state, e.g. to continue-as-new. */
  checkpoint?(state: RunState): Promise<void>;
  /** The run ended; persist the last records and the exit. */
  finish(state: RunState, records: StepRecord[]): Promise<void>;
}

/**
 * Drives a run to its end: events first (a goal wins over anything pending), then the pending
 * effect — act, wait, or exit.
 * @example await runJourney(ir, enterJourney(ir, entry), host);
 */
export async function runJourney(
  ir: CompiledJourney,
  start: StepOutcome,
  host: JourneyHost,
  registry: ControlLookup = builtinControls,
): Promise<RunState> {
  let state = start.state;
  let records = [...start.records];
  const feed = (outcome: StepOutcome) => {
    state = outcome.state;
    records.push(...outcome.records);
  };
  for (;;) {
    for (let event = nextEvent(state, host); event; event = nextEvent(state, host)) {
      feed(step(ir, state, { kind: 'event', event }, host.now(), registry));
    }
    const effect = state.pending;
    if (effect.kind === 'exit') {
      await host.finish(state, records);
      return state;
    }
    if (effect.kind === 'action') {
      const result = await host.runAction(effect, state, records);
      records = [];
      feed(
        step(
          ir,
          state,
          {
            kind: 'action-result',
            port: result.port,
            output: result.output,
            ...(result.retryAt !== undefined ? { retryAt: result.retryAt } : {}),
          },
          host.now(),
          registry,
        ),
      );
      continue;
    }
    if (records.length > 0) {
      await host.flush(records, state);
      records = [];
    }
    await host.checkpoint?.(state);
    const eventArrived = await host.waitForEvent(effect.until);
    if (!eventArrived) feed(step(ir, state, { kind: 'timer' }, host.now(), registry));
  }
}

function nextEvent(state: RunState, host: JourneyHost): CustomerEvent | undefined {
  return state.pending.kind === 'exit' ? undefined : host.takeEvent();
}
