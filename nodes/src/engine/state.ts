import type { Predicate } from '../contract/predicates';
import type { CustomerEvent, RunFacts } from '../contract/facts';

/** Which run this is: carried in every record and idempotency key. */
export interface RunIdentity {
  journeyId: string;
  versionId: string;
  runId: string;
  customerId: string;
}

/** Run an action node in the worker (an activity), then feed its result back. */
export interface ActionEffect {
  kind: 'action';
  nodeId: string;
  nodeType: string;
  typeVersion: number;
  config: unknown;
  /** Same for every retry of this step, different for each visit of the node. */
  idempotencyKey: string;
}

/** Hold until `until`, or until a matching event (or any goal) arrives. */
export interface WaitEffect {
  kind: 'wait';
  nodeId: string;
  until: number;
  event?: { type: string; filters: Predicate[]; sameOrder: boolean };
  onEvent?: string;
  onTimeout: string;
  /**
   * A deferred action (a send held by quiet hours): when the timer fires, this action runs
   * again — same idempotency key — instead of following `onTimeout`.
   */
  resume?: ActionEffect;
}

/** The run is over. */
export interface ExitEffect {
  kind: 'exit';
  reason: string;
  nodeId?: string;
  at: number;
}

export type Effect = ActionEffect | WaitEffect | ExitEffect;

/** What the shell feeds the step function: an action's result, an event, or a timer firing. */
export type StepInput =
  | { kind: 'action-result'; port: string; output?: Record<string, unknown>; retryAt?: number }
  | { kind: 'event'; event: CustomerEvent }
  | { kind: 'timer' };

/** One node a run passed (or is waiting at, with `port: null`): a journey_steps row. */
export interface StepRecord {
  seq: number;
  nodeId: string;
  nodeType: string;
  port: string | null;
  at: number;
  detail: Record<string, unknown>;
}

/** The whole state of a run: plain JSON, so it survives continue-as-new unchanged. */
export interface RunState {
  v: 1;
  run: RunIdentity;
  enteredAt: number;
  windowEndsAt: number;
  facts: RunFacts;
  /** Sequence number of the next step record. */
  seq: number;
  /** Nodes visited so far; a guard against runaway loops. */
  visits: number;
  /**
   * Events that arrived while the run was busy with an action: the next wait-for-event looks
   * at them first, so an event racing a send is not lost. Cleared at every wait.
   */
  unclaimed?: CustomerEvent[];
  pending: Effect;
}

export interface StepOutcome {
  state: RunState;
  records: StepRecord[];
}

/** Exit reasons the engine itself produces (exit nodes may name their own). */
export const exitReasons = {
  completed: 'completed',
  goal: 'goal',
  windowEnd: 'window_end',
  stepLimit: 'step_limit',
  failed: 'failed',
} as const;

/** At most this many node visits per run; loops must wait, so this is only a backstop. */
export const MAX_VISITS = 1000;
