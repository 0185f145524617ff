import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { evaluateEventTrigger } from './event-trigger.control';
import { predicateSchema } from '../../contract/predicates';

/** Starts a run when a matching event arrives (e.g. the first `order.placed`). */
export default defineNode({
  type: 'trigger.event',
  version: 1,
  title: 'When an event happens',
  category: 'trigger',
  icon: '⚡',
  description:
    'Customers enter when this event arrives and the filters hold. Filter paths read `trigger.properties.*` and `customer.*`.',
  kind: 'control',
  role: 'entry',
  ports: ['next'],
  config: z.object({
    event: z.string().min(1).describe('Event type, e.g. order.placed'),
    filters: z.array(predicateSchema).default([]),
  }),
  example: { event: 'order.placed', filters: [] },
  evaluate: evaluateEventTrigger,
});
