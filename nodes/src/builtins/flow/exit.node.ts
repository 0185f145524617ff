import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { evaluateExit } from './exit.control';

/** Ends the run here; every path ends at an exit (or a goal, or the window). */
export default defineNode({
  type: 'flow.exit',
  version: 1,
  title: 'Exit',
  category: 'flow',
  icon: '🏁',
  description: 'The customer leaves the journey here.',
  kind: 'control',
  role: 'exit',
  ports: [],
  config: z.object({
    reason: z.string().min(1).default('completed').describe('Recorded as the exit reason'),
  }),
  example: { reason: 'completed' },
  evaluate: evaluateExit,
});
