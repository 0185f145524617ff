import type { ControlEnv, ControlOutcome } from '../../contract/define-node';
import { testAll, type PredicateRule } from '../../contract/predicate-eval';

/** `yes` when the rules hold (all or any), `no` otherwise. */
export function evaluateCondition(
  cfg: { match: 'all' | 'any'; rules: PredicateRule[] },
  env: ControlEnv,
): ControlOutcome<'yes' | 'no'> {
  return { port: testAll(env.facts, cfg.rules, cfg.match) ? 'yes' : 'no' };
}
