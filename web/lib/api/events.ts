import { randomUUID } from 'node:crypto';
import { ingestEvents, type Db, type IngestEventInput } from '@yatra/db';
import { eventBodySchema, eventsOf } from '@yatra/nodes';
import { issuesOf, ValidationError } from './errors';

/** The 202 answer of `POST /api/events`. */
export interface AcceptedEvents {
  /** Events stored by this request. */
  accepted: number;
  /** Events whose idempotency key was already stored (or repeated in the batch): no effect. */
  duplicates: number;
  /** Ids of the stored events, in input order. */
  ids: number[];
  /** The key of every posted event in input order, generated where the caller sent none. */
  idempotencyKeys: string[];
}

// The body is one of three shapes; when it fails, report the issues of the shape it looks like.
const shapeOf = (body: unknown): 0 | 1 | 2 =>
  Array.isArray(body) ? 0 : typeof body === 'object' && body !== null && 'events' in body ? 1 : 2;

/**
 * Validates and stores events — one, an array, or `{ events: [...] }` — in ONE transaction.
 * A missing idempotencyKey gets a fresh uuid; a missing occurredAt is `now`.
 * Throws ValidationError (nothing stored) naming each bad field, e.g. `properties.total`.
 * @example await acceptEvents(db, { type: 'order.placed', customerId: 'c1', properties: {…} })
 */
export async function acceptEvents(
  db: Db,
  body: unknown,
  now: Date = new Date(),
): Promise<AcceptedEvents> {
  const parsed = eventBodySchema.safeParse(body);
  if (!parsed.success) {
    const shape = shapeOf(body);
    throw new ValidationError(
      'The event is invalid; nothing was stored.',
      issuesOf(parsed.error, (branches) => branches[shape]),
    );
  }
  const input: IngestEventInput[] = eventsOf(parsed.data).map((event) => ({
    type: event.type,
    customerId: event.customerId,
    occurredAt: event.occurredAt ? new Date(event.occurredAt) : now,
    idempotencyKey: event.idempotencyKey ?? randomUUID(),
    properties: event.properties,
  }));
  const result = await ingestEvents(db, input);
  return {
    accepted: result.accepted.length,
    duplicates: result.duplicates.length,
    ids: result.accepted.map((a) => a.id),
    idempotencyKeys: input.map((e) => e.idempotencyKey),
  };
}
