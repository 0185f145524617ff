import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { predicateSchema } from '../../contract/predicates';
import { evaluateCondition } from './condition.control';

/** Branches on customer attributes, order facts or the trigger event's properties. */
export default defineNode({
  type: 'flow.condition',
  version: 1,
  title: 'Condition',
  category: 'flow',
  icon: '🔀',
  description: 'Goes `yes` when the rules hold (all or any), `no` otherwise.',
  kind: 'control',
  ports: ['yes', 'no'],
  config: z.object({
    match: z.enum(['all', 'any']).default('all'),
    rules: z.array(predicateSchema).min(1, 'add at least one rule'),
  }),
  example: { match: 'all', rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
  evaluate: evaluateCondition,
});
