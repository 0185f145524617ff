import type { ControlEnv, ControlOutcome } from '../../contract/define-node';
import { percentBucket } from '../../contract/hash';
import { readPath } from '../../contract/predicate-eval';

export type CohortSplitConfig =
  | { mode: 'random'; arms: Array<{ id: string; percent: number }>; holdoutPercent: number }
  | {
      mode: 'attribute';
      field: string;
      arms: Array<{ id: string; values: Array<string | number | boolean> }>;
    };

/**
 * Random arms hash (journey, node, customer) into a stable bucket, so re-evaluating never moves a
 * customer; attribute arms match the field's value, else `other`.
 */
export function evaluateCohortSplit(cfg: CohortSplitConfig, env: ControlEnv): ControlOutcome {
  if (cfg.mode === 'attribute') {
    const value = readPath(env.facts, cfg.field);
    const arm = cfg.arms.find((a) => a.values.some((v) => String(v) === String(value)));
    return { port: arm?.id ?? 'other', detail: { value } };
  }
  const bucket = percentBucket(`${env.facts.journey.id}:${env.nodeId}:${env.facts.customer.id}`);
  let upper = 0;
  for (const arm of cfg.arms) {
    upper += arm.percent;
    if (bucket < upper) return { port: arm.id, detail: { bucket } };
  }
  return {
    port: cfg.holdoutPercent > 0 ? 'holdout' : (cfg.arms.at(-1)?.id ?? 'holdout'),
    detail: { bucket },
  };
}
