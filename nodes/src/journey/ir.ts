import type { Predicate } from '../contract/predicates';
import type { Goal, Reentry } from './document';

/** One node as the interpreter sees it: parsed config and resolved successors. */
export interface CompiledNode {
  id: string;
  type: string;
  typeVersion: number;
  kind: 'action' | 'control';
  label?: string;
  config: unknown;
  /** port → next node id. */
  next: Record<string, string>;
  /**
   * How the worker runs an action node, copied from its declaration at compile time so the
   * workflow needs no node registry (and no zod) to schedule it.
   */
  activity?: {
    startToCloseTimeoutMs: number;
    /** `maximumAttempts` absent means retry until it succeeds. */
    retry: { initialIntervalMs: number; maximumAttempts?: number };
    /** Set for long steps that heartbeat: an attempt silent this long is retried. */
    heartbeatTimeoutMs?: number;
    /** Where the run goes when the activity fails for good; absent: the failure fails the run. */
    failurePort?: string;
  };
}

/** Activity policy for action nodes that declare none: suits an HTTP call. */
export const DEFAULT_ACTIVITY: NonNullable<CompiledNode['activity']> = {
  startToCloseTimeoutMs: 60_000,
  retry: { initialIntervalMs: 1_000 },
};

/** Figures derived at compile time, shown to marketers before they publish. */
export interface JourneyFacts {
  nodeCount: number;
  maxPathLength: number;
  maxMessagesPerCustomer: number;
  messageNodesByChannel: Record<string, number>;
}

/** The compiled journey: immutable, versioned, and the only input the interpreter needs. */
export interface CompiledJourney {
  irVersion: 1;
  name: string;
  windowDays: number;
  reentry: Reentry;
  trigger: { nodeId: string; event: string; filters: Predicate[] };
  goals: Goal[];
  nodes: Record<string, CompiledNode>;
  facts: JourneyFacts;
}

/** A compile problem, pinned to the node (or edge) a marketer must fix. */
export interface CompileError {
  code:
    | 'document_invalid'
    | 'unknown_type'
    | 'config_invalid'
    | 'missing_trigger'
    | 'multiple_triggers'
    | 'unknown_node'
    | 'unknown_port'
    | 'port_unwired'
    | 'port_wired_twice'
    | 'trigger_has_input'
    | 'unreachable'
    | 'loop_without_wait'
    | 'wait_exceeds_window'
    // Template registry checks (web/lib/api/templates/journey-checks.ts), run where a database is at hand.
    | 'template_variable_missing'
    | 'template_mismatch'
    | 'template_unregistered'
    | 'template_not_approved'
    | 'template_category_mismatch'
    | 'template_variable_unused';
  message: string;
  nodeId?: string;
  edgeIndex?: number;
  /** Path inside the node's config (or the document) that is wrong, e.g. `timeout.amount`. */
  path?: string;
}

export type CompileResult =
  { ok: true; ir: CompiledJourney; errors: [] } | { ok: false; errors: CompileError[] };

/**
 * Narrows a stored IR (a jsonb column) back to its type. Versions are only ever written by
 * `compile()`, so checking the format marker is enough; an unknown marker means a newer writer.
 */
export function isCompiledJourney(value: unknown): value is CompiledJourney {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'irVersion') === 1;
}
