import type { ControlOutcome } from '../../contract/define-node';

/** Ends the run with the configured reason. */
export const evaluateExit = (cfg: { reason: string }): ControlOutcome<never> => ({
  exit: cfg.reason,
});
