import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesOf } from './errors';

describe('issuesOf', () => {
  it('joins paths with dots and prefixes them', () => {
    const schema = z.object({ a: z.array(z.object({ b: z.number() })) });
    const result = schema.safeParse({ a: [{ b: 'x' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesOf(result.error, undefined, ['document'])).toEqual([
      { path: 'document.a.0.b', message: expect.any(String) },
    ]);
  });

  it('reports the union branch whose root type matched', () => {
    const schema = z.union([z.array(z.string()), z.object({ name: z.string() })]);
    const result = schema.safeParse({ name: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesOf(result.error)).toEqual([{ path: 'name', message: expect.any(String) }]);
  });
});
