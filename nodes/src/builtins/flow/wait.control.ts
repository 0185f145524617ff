import type { ControlEnv, ControlOutcome } from '../../contract/define-node';
import { durationMs, type Duration } from '../../contract/duration-math';
import { localTimeAfterDays } from '../../contract/time-zones';

export type WaitConfig =
  { mode: 'duration'; duration: Duration } | { mode: 'until'; daysAfterEntry: number; at: string };

/** Waits a duration, or until a local time N days after entry (customer's time zone). */
export function evaluateWait(cfg: WaitConfig, env: ControlEnv): ControlOutcome<'next'> {
  const until =
    cfg.mode === 'duration'
      ? env.now + durationMs(cfg.duration)
      : localTimeAfterDays(env.enteredAt, cfg.daysAfterEntry, cfg.at, env.facts.customer.timeZone);
  return { wait: { until, onTimeout: 'next' } };
}
