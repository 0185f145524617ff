import { z } from 'zod';

import { operators, type PredicateRule } from './predicate-eval';

// `operators` (the op list), `readPath(facts, 'a.b')`, `testPredicate(facts, rule)` and
// `testAll(facts, rules)` live in the zod-free evaluator; each has JSDoc with an example there.
export {
  operators,
  readPath,
  testPredicate,
  testAll,
  type Operator,
  type PredicateRule,
} from './predicate-eval';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One rule: `field` is a dotted path into the run's facts (e.g. `order.paymentMethod`,
 * `customer.language`, `trigger.properties.total`).
 * @example { field: 'order.paymentMethod', op: 'eq', value: 'cod' }
 */
export const predicateSchema = z
  .object({
    field: z.string().min(1).describe('Dotted path, e.g. order.paymentMethod'),
    op: z.enum(operators),
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .superRefine((rule, ctx) => {
    const unary = rule.op === 'exists' || rule.op === 'not_exists';
    if (!unary && rule.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${rule.op}" needs a value`,
      });
    }
    if ((rule.op === 'in' || rule.op === 'not_in') && !Array.isArray(rule.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator "${rule.op}" needs a list`,
      });
    }
  });
/**
 * A parsed rule, as conditions, filters and goals hold it.
 * @example const cod: Predicate = { field: 'order.paymentMethod', op: 'eq', value: 'cod' };
 */
export type Predicate = z.infer<typeof predicateSchema>;

// The schema's type and the zod-free evaluator's rule type must agree.
const _sameShape: (rule: Predicate) => PredicateRule = (rule) => rule;
void _sameShape;
