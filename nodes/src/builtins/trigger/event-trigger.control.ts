import type { ControlOutcome } from '../../contract/define-node';

/** A trigger only starts the run: it always continues on `next`. */
export const evaluateEventTrigger = (): ControlOutcome<'next'> => ({ port: 'next' });
