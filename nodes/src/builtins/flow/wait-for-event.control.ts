import type { ControlEnv, ControlOutcome } from '../../contract/define-node';
import { durationMs, type Duration } from '../../contract/duration-math';
import type { PredicateRule } from '../../contract/predicate-eval';

export interface WaitForEventConfig {
  event: string;
  filters: PredicateRule[];
  sameOrder: boolean;
  timeout: Duration;
}

/** Waits for a matching event (port `event`) until the timeout (port `timeout`). */
export function evaluateWaitForEvent(
  cfg: WaitForEventConfig,
  env: ControlEnv,
): ControlOutcome<'event' | 'timeout'> {
  return {
    wait: {
      until: env.now + durationMs(cfg.timeout),
      event: { type: cfg.event, filters: cfg.filters, sameOrder: cfg.sameOrder },
      onEvent: 'event',
      onTimeout: 'timeout',
    },
  };
}
