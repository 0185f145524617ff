import { DAY_MS } from '../contract/duration-math';
import {
  applyEventToOrder,
  orderFromEvent,
  type CustomerEvent,
  type CustomerSnapshot,
} from '../contract/facts';
import { testAll } from '../contract/predicate-eval';
import type { CompiledJourney } from '../journey/ir';
import { builtinControls, type ControlLookup } from './control-nodes';
import {
  exitReasons,
  MAX_VISITS,
  type ActionEffect,
  type Effect,
  type RunIdentity,
  type RunState,
  type StepInput,
  type StepOutcome,
  type StepRecord,
  type WaitEffect,
} from './state';

// The one place journey semantics live. Pure: (IR, state, input, now) → (state, records).
// The Temporal workflow and the simulator both drive it through runJourney().

class Stepper {
  readonly records: StepRecord[] = [];
  constructor(
    private readonly ir: CompiledJourney,
    private readonly registry: ControlLookup,
    public state: RunState,
    private readonly now: number,
  ) {
    this.state = {
      ...state,
      facts: {
        ...state.facts,
        journey: {
          ...state.facts.journey,
          daysSinceEntry: Math.floor((now - state.enteredAt) / DAY_MS),
        },
      },
    };
  }

  record(nodeId: string, port: string | null, detail: Record<string, unknown> = {}) {
    const nodeType = this.ir.nodes[nodeId]?.type ?? 'unknown';
    this.records.push({ seq: this.state.seq, nodeId, nodeType, port, at: this.now, detail });
    this.state = { ...this.state, seq: this.state.seq + 1 };
  }

  settle(pending: Effect): StepOutcome {
    this.state = { ...this.state, pending };
    return { state: this.state, records: this.records };
  }

  exit(reason: string, nodeId?: string, detail: Record<string, unknown> = {}): StepOutcome {
    if (nodeId) this.record(nodeId, null, { exit: reason, ...detail });
    return this.settle({ kind: 'exit', reason, nodeId, at: this.now });
  }

  /** Follows control nodes from `nodeId` until the run must act, wait or exit. */
  advance(startId: string | undefined, fromNodeId: string): StepOutcome {
    let nodeId = startId;
    for (;;) {
      if (nodeId === undefined)
        return this.exit(exitReasons.failed, fromNodeId, { error: 'port leads nowhere' });
      if (this.now >= this.state.windowEndsAt) return this.exit(exitReasons.windowEnd, nodeId);
      this.state = { ...this.state, visits: this.state.visits + 1 };
      if (this.state.visits > MAX_VISITS) return this.exit(exitReasons.stepLimit, nodeId);
      const node = this.ir.nodes[nodeId];
      if (!node) return this.exit(exitReasons.failed, nodeId, { error: `no node ${nodeId}` });
      if (node.kind === 'action') {
        const { runId } = this.state.run;
        return this.settle({
          kind: 'action',
          nodeId,
          nodeType: node.type,
          typeVersion: node.typeVersion,
          config: node.config,
          idempotencyKey: `${runId}:${nodeId}:${this.state.seq}`,
        });
      }
      // Action nodes need no definition here: they run in the worker. Control nodes do.
      const def = this.registry.get(node.type, node.typeVersion);
      if (!def) {
        return this.exit(exitReasons.failed, nodeId, {
          error: `node type ${node.type} v${node.typeVersion} is not registered`,
        });
      }
      const outcome = def.evaluate?.(node.config, {
        nodeId,
        now: this.now,
        enteredAt: this.state.enteredAt,
        windowEndsAt: this.state.windowEndsAt,
        facts: this.state.facts,
      });
      if (!outcome)
        return this.exit(exitReasons.failed, nodeId, { error: 'control node without evaluate' });
      if ('exit' in outcome) return this.exit(outcome.exit, nodeId);
      if ('wait' in outcome) {
        const { wait } = outcome;
        const until = Math.min(wait.until, this.state.windowEndsAt);
        const waiting: WaitEffect = {
          kind: 'wait',
          nodeId,
          until,
          event: wait.event,
          onEvent: wait.onEvent,
          onTimeout: wait.onTimeout,
        };
        const early = this.claimEarlyEvent(waiting);
        if (early && wait.onEvent) {
          this.record(nodeId, wait.onEvent, { event: early.type, arrivedWhileBusy: true });
          fromNodeId = nodeId;
          nodeId = node.next[wait.onEvent];
          continue;
        }
        if (until > this.now) {
          this.record(nodeId, null, {
            waitingUntil: new Date(until).toISOString(),
            ...(wait.event ? { forEvent: wait.event.type } : {}),
          });
          return this.settle(waiting);
        }
        this.record(nodeId, wait.onTimeout, { elapsed: true });
        nodeId = node.next[wait.onTimeout];
        continue;
      }
      this.record(nodeId, outcome.port, outcome.detail);
      fromNodeId = nodeId;
      nodeId = node.next[outcome.port];
    }
  }

  onEvent(event: CustomerEvent): StepOutcome {
    const facts = this.state.facts;
    this.state = {
      ...this.state,
      facts: {
        ...facts,
        event,
        order: applyEventToOrder(facts.order, event),
        eventCounts: {
          ...facts.eventCounts,
          [event.type]: (facts.eventCounts[event.type] ?? 0) + 1,
        },
      },
    };
    const pending = this.state.pending;
    if (pending.kind === 'exit') return this.settle(pending);
    const goal = this.ir.goals.find(
      (g) => g.event === event.type && testAll(this.state.facts, g.filters),
    );
    if (goal)
      return this.exit(exitReasons.goal, pending.nodeId, { goal: goal.id, event: event.type });
    if (pending.kind === 'wait' && pending.onEvent && this.matches(pending, event)) {
      this.record(pending.nodeId, pending.onEvent, { event: event.type });
      return this.advance(this.ir.nodes[pending.nodeId]?.next[pending.onEvent], pending.nodeId);
    }
    if (pending.kind === 'action' || (pending.kind === 'wait' && pending.resume)) {
      // Bounded: a run only acts for moments, so a handful of events is plenty.
      this.state = {
        ...this.state,
        unclaimed: [...(this.state.unclaimed ?? []), event].slice(-20),
      };
    }
    return this.settle(pending);
  }

  /** Takes a matching event that arrived while an action ran; forgets the rest. */
  claimEarlyEvent(wait: WaitEffect): CustomerEvent | undefined {
    const unclaimed = this.state.unclaimed ?? [];
    this.state = { ...this.state, unclaimed: [] };
    return unclaimed.find((event) => this.matches(wait, event));
  }

  matches(wait: WaitEffect, event: CustomerEvent): boolean {
    if (!wait.event || wait.event.type !== event.type) return false;
    const orderId = this.state.facts.order.id;
    const eventOrder = event.properties.orderId;
    if (
      wait.event.sameOrder &&
      orderId &&
      eventOrder !== undefined &&
      String(eventOrder) !== orderId
    )
      return false;
    return testAll(this.state.facts, wait.event.filters);
  }

  onTimer(): StepOutcome {
    const pending = this.state.pending;
    if (pending.kind !== 'wait' || this.now < pending.until) return this.settle(pending);
    if (this.now >= this.state.windowEndsAt)
      return this.exit(exitReasons.windowEnd, pending.nodeId);
    if (pending.resume) return this.settle(pending.resume);
    this.record(pending.nodeId, pending.onTimeout, {});
    return this.advance(this.ir.nodes[pending.nodeId]?.next[pending.onTimeout], pending.nodeId);
  }

  /**
   * The action asked to run again later (a send held by quiet hours): hold the run on a timer
   * that re-runs the same action, same idempotency key. The window still caps the wait.
   */
  defer(action: ActionEffect, retryAt: number, output?: Record<string, unknown>): StepOutcome {
    // At least a second ahead: an action that keeps deferring to "now" must not spin.
    const until = Math.min(Math.max(retryAt, this.now + 1000), this.state.windowEndsAt);
    this.record(action.nodeId, null, {
      deferredUntil: new Date(until).toISOString(),
      ...(output ? { output } : {}),
    });
    return this.settle({
      kind: 'wait',
      nodeId: action.nodeId,
      until,
      onTimeout: 'next',
      resume: action,
    });
  }

  onActionResult(
    port: string,
    output: Record<string, unknown> | undefined,
    retryAt?: number,
  ): StepOutcome {
    const pending = this.state.pending;
    if (pending.kind !== 'action') return this.settle(pending);
    if (retryAt !== undefined) return this.defer(pending, retryAt, output);
    const node = this.ir.nodes[pending.nodeId];
    const next = node?.next[port];
    if (!next) {
      return this.exit(exitReasons.failed, pending.nodeId, {
        error: `node ${pending.nodeType} returned port "${port}", which it does not declare`,
      });
    }
    if (output) {
      this.state = {
        ...this.state,
        facts: {
          ...this.state.facts,
          outputs: { ...this.state.facts.outputs, [pending.nodeId]: output },
        },
      };
    }
    this.record(pending.nodeId, port, output ? { output } : {});
    return this.advance(next, pending.nodeId);
  }
}

/**
 * Starts a run at the trigger: builds its facts and advances to the first action, wait or exit.
 * @example const { state, records } = enterJourney(ir, { run, customer, entryEvent, now: Date.now() });
 */
export function enterJourney(
  ir: CompiledJourney,
  input: { run: RunIdentity; customer: CustomerSnapshot; entryEvent: CustomerEvent; now: number },
  registry: ControlLookup = builtinControls,
): StepOutcome {
  const { run, customer, entryEvent, now } = input;
  const state: RunState = {
    v: 1,
    run,
    enteredAt: now,
    windowEndsAt: now + ir.windowDays * DAY_MS,
    facts: {
      customer,
      trigger: entryEvent,
      order: orderFromEvent(entryEvent),
      event: null,
      eventCounts: { [entryEvent.type]: 1 },
      outputs: {},
      journey: { id: run.journeyId, versionId: run.versionId, runId: run.runId, daysSinceEntry: 0 },
    },
    seq: 0,
    visits: 0,
    unclaimed: [],
    pending: { kind: 'exit', reason: 'not_started', at: now },
  };
  return new Stepper(ir, registry, state, now).advance(ir.trigger.nodeId, ir.trigger.nodeId);
}

/**
 * Feeds one input (an action's result, a customer event, or a timer) to a run.
 * @example step(ir, state, { kind: 'event', event }, Date.now())
 */
export function step(
  ir: CompiledJourney,
  state: RunState,
  input: StepInput,
  now: number,
  registry: ControlLookup = builtinControls,
): StepOutcome {
  const stepper = new Stepper(ir, registry, state, now);
  switch (input.kind) {
    case 'event':
      return stepper.onEvent(input.event);
    case 'timer':
      return stepper.onTimer();
    case 'action-result':
      return stepper.onActionResult(input.port, input.output, input.retryAt);
  }
}
