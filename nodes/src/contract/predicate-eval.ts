// Rule evaluation without zod: used inside the Temporal workflow bundle, which must stay small.
// The schema that validates rules lives in predicates.ts.

/**
 * Comparison operators a rule can use; shared by trigger filters, conditions, goals and waits.
 * @example op: z.enum(operators)
 */
export const operators = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'exists',
  'not_exists',
] as const;
/** One of `operators`. @example const op: Operator = 'gte'; */
export type Operator = (typeof operators)[number];

type Scalar = string | number | boolean;

/**
 * One rule, as `predicateSchema` validates it.
 * @example const vip: PredicateRule = { field: 'customer.attributes.segment', op: 'eq', value: 'vip' };
 */
export interface PredicateRule {
  field: string;
  op: Operator;
  value?: Scalar | Scalar[];
}
/**
 * Reads a dotted path (`a.b.c`) out of a plain object; undefined when any step is missing.
 * @example readPath(ctx.facts, 'outputs.discount.code') // 'THANKS-1Q2W'
 */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.')) {
    // Own properties only: facts are plain JSON, so `constructor`/`toString` are never data.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

// Numbers (or numeric strings, as JSON properties often are) compare as numbers; other strings
// by code unit, never by locale: the same rule must give the same answer in every sandbox.
function compare(actual: unknown, expected: unknown): number | null {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return a - b;
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return null;
}

// Loose equality across string/number so `"12" eq 12` holds: event properties arrive as JSON.
function same(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (actual === undefined || actual === null) return false;
  return String(actual) === String(expected);
}

/**
 * Evaluates one rule against a facts object.
 * @example testPredicate({ order: { total: 90000 } }, { field: 'order.total', op: 'gte', value: 50000 }) // true
 */
export function testPredicate(source: unknown, rule: PredicateRule): boolean {
  const actual = readPath(source, rule.field);
  const expected = rule.value;
  switch (rule.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'not_exists':
      return actual === undefined || actual === null;
    case 'eq':
      return same(actual, expected);
    case 'neq':
      return !same(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((v) => same(actual, v));
    case 'not_in':
      return Array.isArray(expected) && !expected.some((v) => same(actual, v));
    case 'contains':
      if (Array.isArray(actual)) return actual.some((v) => same(v, expected));
      return typeof actual === 'string' && actual.includes(String(expected));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = compare(actual, expected);
      if (order === null) return false;
      if (rule.op === 'gt') return order > 0;
      if (rule.op === 'gte') return order >= 0;
      if (rule.op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

/**
 * True when every rule holds (`all`) or at least one does (`any`); an empty list holds.
 * @example testAll(ctx.facts, [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }]) // true for COD
 */
export function testAll(
  source: unknown,
  rules: readonly PredicateRule[],
  match: 'all' | 'any' = 'all',
) {
  if (rules.length === 0) return true;
  return match === 'all'
    ? rules.every((r) => testPredicate(source, r))
    : rules.some((r) => testPredicate(source, r));
}
