import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { durationMs, durationSchema } from '../../contract/durations';
import { predicateSchema } from '../../contract/predicates';
import { evaluateWaitForEvent } from './wait-for-event.control';

/** Waits for the customer to do something (e.g. `order.delivered`), or gives up after a timeout. */
export default defineNode({
  type: 'flow.wait_for_event',
  version: 1,
  title: 'Wait for event',
  category: 'flow',
  icon: '👂',
  description:
    'Continues on `event` when a matching event arrives, on `timeout` otherwise. Filter paths read `event.properties.*`.',
  kind: 'control',
  ports: ['event', 'timeout'],
  config: z.object({
    event: z.string().min(1).describe('Event type, e.g. order.delivered'),
    filters: z.array(predicateSchema).default([]),
    sameOrder: z
      .boolean()
      .default(true)
      .describe(
        'Only events about the order the customer entered with (when it carries an orderId)',
      ),
    timeout: durationSchema,
  }),
  example: { event: 'order.delivered', timeout: { amount: 7, unit: 'days' } },
  evaluate: evaluateWaitForEvent,
  maxDelayMs: (cfg) => durationMs(cfg.timeout),
  // An event can arrive at once, but a loop back into this node waits for a new one or the timeout.
  minDelayMs: () => 1,
});
