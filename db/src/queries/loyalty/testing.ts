// Test helpers for the ledger's integration tests: a fixed day-numbered calendar and members.
import type { Db } from '../../client';
import { upsertCustomer } from '../customers';
import { addDays } from './plan';

/** Day 0 of every ledger test: business time is explicit, never the wall clock. */
export const DAY0 = new Date('2030-01-01T00:00:00.000Z');

/** Day `n` (fractions allowed: day(10.5) is noon of day 10). */
export function day(n: number): Date {
  return addDays(DAY0, n);
}

/** A customer row, which loyalty rows hang off. */
export async function customer(db: Db, id: string): Promise<string> {
  await upsertCustomer(db, { id, name: id });
  return id;
}
