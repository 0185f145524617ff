import { describe, it, expect } from 'vitest';
import { predicateSchema, readPath, testAll, testPredicate, type Predicate } from './predicates';

const facts = {
  customer: { language: 'hi', attributes: { tags: ['vip', 'repeat'], score: 0, optedOut: false } },
  order: {
    id: 'o1',
    total: 90_000,
    paymentMethod: 'cod',
    items: [{ sku: 'tea' }, { sku: 'mug' }],
    note: null,
  },
  event: { properties: { total: '1200', city: 'Pune' } },
};

const rule = (field: string, op: Predicate['op'], value?: Predicate['value']): Predicate =>
  value === undefined ? { field, op } : { field, op, value };

describe('readPath', () => {
  it('reads nested objects and array indexes by dotted path', () => {
    expect(readPath(facts, 'order.total')).toBe(90_000);
    expect(readPath(facts, 'order.items.1.sku')).toBe('mug');
    expect(readPath(facts, 'customer.attributes.tags')).toEqual(['vip', 'repeat']);
  });

  it('returns undefined when any step is missing or not an object', () => {
    expect(readPath(facts, 'order.missing')).toBeUndefined();
    expect(readPath(facts, 'nope.deeper.still')).toBeUndefined();
    expect(readPath(facts, 'order.total.cents')).toBeUndefined();
    expect(readPath(facts, 'order.note.text')).toBeUndefined();
    expect(readPath(null, 'a')).toBeUndefined();
    expect(readPath('text', 'length')).toBeUndefined();
  });

  it('keeps null and falsy values that are present', () => {
    expect(readPath(facts, 'order.note')).toBeNull();
    expect(readPath(facts, 'customer.attributes.score')).toBe(0);
    expect(readPath(facts, 'customer.attributes.optedOut')).toBe(false);
  });

  // Inherited members must not count as present: otherwise `exists` holds for
  // `customer.attributes.constructor` and `{{order.toString}}` renders native code to a customer.
  it('does not read inherited members such as constructor or toString', () => {
    expect(readPath(facts, 'customer.attributes.constructor')).toBeUndefined();
    expect(readPath(facts, 'order.toString')).toBeUndefined();
    expect(testPredicate(facts, rule('customer.attributes.hasOwnProperty', 'exists'))).toBe(false);
  });
});

describe('testPredicate', () => {
  it('eq / neq compare strings and numbers loosely (JSON properties arrive as strings)', () => {
    expect(testPredicate(facts, rule('order.paymentMethod', 'eq', 'cod'))).toBe(true);
    expect(testPredicate(facts, rule('order.paymentMethod', 'eq', 'prepaid'))).toBe(false);
    expect(testPredicate(facts, rule('event.properties.total', 'eq', 1200))).toBe(true);
    expect(testPredicate(facts, rule('order.total', 'eq', '90000'))).toBe(true);
    expect(testPredicate(facts, rule('customer.attributes.optedOut', 'eq', 'false'))).toBe(true);
    expect(testPredicate(facts, rule('order.paymentMethod', 'neq', 'prepaid'))).toBe(true);
    expect(testPredicate(facts, rule('event.properties.total', 'neq', 1200))).toBe(false);
  });

  it('eq never matches a missing or null value; neq always does', () => {
    expect(testPredicate(facts, rule('order.missing', 'eq', 'undefined'))).toBe(false);
    expect(testPredicate(facts, rule('order.note', 'eq', 'null'))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'neq', 'cod'))).toBe(true);
  });

  it('gt / gte / lt / lte compare numbers, numeric strings against numbers, and strings', () => {
    expect(testPredicate(facts, rule('order.total', 'gt', 50_000))).toBe(true);
    expect(testPredicate(facts, rule('order.total', 'gt', 90_000))).toBe(false);
    expect(testPredicate(facts, rule('order.total', 'gte', 90_000))).toBe(true);
    expect(testPredicate(facts, rule('order.total', 'lt', 90_000))).toBe(false);
    expect(testPredicate(facts, rule('order.total', 'lte', 90_000))).toBe(true);
    expect(testPredicate(facts, rule('order.total', 'lt', 100_000))).toBe(true);
    // "1200" (string from JSON) against a number compares numerically.
    expect(testPredicate(facts, rule('event.properties.total', 'gt', 999))).toBe(true);
    expect(testPredicate(facts, rule('event.properties.total', 'lt', 999))).toBe(false);
    // ISO dates compare as strings.
    const dated = { order: { placedAt: '2026-01-05T00:00:00.000Z' } };
    expect(testPredicate(dated, rule('order.placedAt', 'gte', '2026-01-01T00:00:00.000Z'))).toBe(
      true,
    );
    expect(testPredicate(dated, rule('order.placedAt', 'lt', '2026-01-01T00:00:00.000Z'))).toBe(
      false,
    );
  });

  // Both sides strings (a JSON property against a value typed in the form): still numeric.
  // Currently fails: localeCompare puts "1200" before "999".
  it('compares two numeric strings as numbers', () => {
    expect(testPredicate(facts, rule('event.properties.total', 'gt', '999'))).toBe(true);
  });

  it('ordering operators are false for missing or non-numeric mixed values', () => {
    expect(testPredicate(facts, rule('order.missing', 'gt', 0))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'lte', 0))).toBe(false);
    expect(testPredicate(facts, rule('event.properties.city', 'gt', 5))).toBe(false);
  });

  it('in / not_in test membership with loose equality', () => {
    expect(testPredicate(facts, rule('order.paymentMethod', 'in', ['cod', 'upi']))).toBe(true);
    expect(testPredicate(facts, rule('order.paymentMethod', 'in', ['card', 'upi']))).toBe(false);
    expect(testPredicate(facts, rule('event.properties.total', 'in', [1200, 1300]))).toBe(true);
    expect(testPredicate(facts, rule('order.paymentMethod', 'not_in', ['card', 'upi']))).toBe(true);
    expect(testPredicate(facts, rule('order.paymentMethod', 'not_in', ['cod']))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'in', ['cod']))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'not_in', ['cod']))).toBe(true);
    // Without a list (the schema refuses it) neither operator holds.
    expect(testPredicate(facts, { field: 'order.paymentMethod', op: 'in', value: 'cod' })).toBe(
      false,
    );
    expect(testPredicate(facts, { field: 'order.paymentMethod', op: 'not_in', value: 'cod' })).toBe(
      false,
    );
  });

  it('contains looks inside arrays (loosely) and strings', () => {
    expect(testPredicate(facts, rule('customer.attributes.tags', 'contains', 'vip'))).toBe(true);
    expect(testPredicate(facts, rule('customer.attributes.tags', 'contains', 'new'))).toBe(false);
    expect(testPredicate({ xs: [1, 2] }, rule('xs', 'contains', '2'))).toBe(true);
    expect(testPredicate(facts, rule('event.properties.city', 'contains', 'un'))).toBe(true);
    expect(testPredicate(facts, rule('event.properties.city', 'contains', 'Delhi'))).toBe(false);
    expect(testPredicate(facts, rule('order.total', 'contains', '9'))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'contains', 'x'))).toBe(false);
  });

  it('exists / not_exists treat undefined and null as absent, other falsy values as present', () => {
    expect(testPredicate(facts, rule('order.id', 'exists'))).toBe(true);
    expect(testPredicate(facts, rule('customer.attributes.score', 'exists'))).toBe(true);
    expect(testPredicate(facts, rule('customer.attributes.optedOut', 'exists'))).toBe(true);
    expect(testPredicate(facts, rule('order.note', 'exists'))).toBe(false);
    expect(testPredicate(facts, rule('order.missing', 'exists'))).toBe(false);
    expect(testPredicate(facts, rule('order.note', 'not_exists'))).toBe(true);
    expect(testPredicate(facts, rule('order.missing', 'not_exists'))).toBe(true);
    expect(testPredicate(facts, rule('order.id', 'not_exists'))).toBe(false);
  });
});

describe('testAll', () => {
  const yes = rule('order.paymentMethod', 'eq', 'cod');
  const no = rule('order.paymentMethod', 'eq', 'card');

  it('all: every rule must hold', () => {
    expect(testAll(facts, [yes, yes])).toBe(true);
    expect(testAll(facts, [yes, no])).toBe(false);
    expect(testAll(facts, [yes, no], 'all')).toBe(false);
  });

  it('any: one rule is enough', () => {
    expect(testAll(facts, [no, yes], 'any')).toBe(true);
    expect(testAll(facts, [no, no], 'any')).toBe(false);
  });

  it('an empty list holds in both modes', () => {
    expect(testAll(facts, [])).toBe(true);
    expect(testAll(facts, [], 'any')).toBe(true);
  });
});

describe('predicateSchema', () => {
  it('accepts well-formed rules', () => {
    expect(predicateSchema.safeParse({ field: 'order.total', op: 'gte', value: 500 }).success).toBe(
      true,
    );
    expect(
      predicateSchema.safeParse({ field: 'order.paymentMethod', op: 'in', value: ['cod', 'upi'] })
        .success,
    ).toBe(true);
    expect(predicateSchema.safeParse({ field: 'customer.email', op: 'exists' }).success).toBe(true);
    expect(predicateSchema.safeParse({ field: 'customer.email', op: 'not_exists' }).success).toBe(
      true,
    );
  });

  it('refuses in / not_in without a list, at path value', () => {
    for (const op of ['in', 'not_in'] as const) {
      const result = predicateSchema.safeParse({ field: 'order.paymentMethod', op, value: 'cod' });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({ path: ['value'], message: `operator "${op}" needs a list` }),
      );
    }
  });

  it('refuses eq (and other binary operators) without a value', () => {
    for (const op of ['eq', 'neq', 'gt', 'contains'] as const) {
      const result = predicateSchema.safeParse({ field: 'order.paymentMethod', op });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({ path: ['value'], message: `operator "${op}" needs a value` }),
      );
    }
  });

  it('refuses an empty field and an unknown operator', () => {
    expect(predicateSchema.safeParse({ field: '', op: 'eq', value: 1 }).success).toBe(false);
    expect(predicateSchema.safeParse({ field: 'a', op: 'like', value: 'x' }).success).toBe(false);
  });
});
