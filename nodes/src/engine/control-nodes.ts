import type { ControlEnv, ControlOutcome } from '../contract/define-node';
import { evaluateCohortSplit } from '../builtins/audience/cohort-split.control';
import { evaluateCondition } from '../builtins/flow/condition.control';
import { evaluateExit } from '../builtins/flow/exit.control';
import { evaluateWaitForEvent } from '../builtins/flow/wait-for-event.control';
import { evaluateWait } from '../builtins/flow/wait.control';
import { evaluateEventTrigger } from '../builtins/trigger/event-trigger.control';

/**
 * What the interpreter needs of a control node: its `evaluate`. A full `NodeRegistry` satisfies
 * this, and so does `builtinControls`, which the workflow uses because it loads no zod schema.
 */
export interface ControlLookup {
  get(
    type: string,
    version?: number,
  ): { evaluate?(config: unknown, env: ControlEnv): ControlOutcome } | undefined;
}

type Evaluate = (config: never, env: ControlEnv) => ControlOutcome;

// Configs reaching these were parsed by the node's schema at compile time (the IR stores the
// parsed config), so each evaluator receives the shape its node file type-checks against.
const evaluators: Record<string, Evaluate> = {
  'trigger.event@1': evaluateEventTrigger,
  'flow.wait@1': evaluateWait,
  'flow.wait_for_event@1': evaluateWaitForEvent,
  'flow.condition@1': evaluateCondition,
  'audience.cohort_split@1': evaluateCohortSplit,
  'flow.exit@1': evaluateExit,
};

/** The built-in control nodes, without their schemas. A registry test keeps it in step. */
export const builtinControls: ControlLookup = {
  get(type, version = 1) {
    const evaluate = evaluators[`${type}@${version}`];
    if (!evaluate) return undefined;
    return { evaluate: (config, env) => Reflect.apply(evaluate, undefined, [config, env]) };
  },
};
