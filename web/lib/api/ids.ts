import { z } from 'zod';
import { NotFoundError } from './errors';

const uuid = z.guid();

/**
 * Journeys, versions and runs have uuid ids; anything else cannot exist, so it is a 404 (not a
 * database error about uuid syntax).
 */
export function requireUuid(id: string, what: string): string {
  if (!uuid.safeParse(id).success) throw new NotFoundError(`${what} ${id} not found.`);
  return id;
}

/**
 * A page's dynamic segment as the caller wrote it: Next hands pages the still-encoded segment
 * (route handlers get it decoded). Tolerant of a stray `%`.
 */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
