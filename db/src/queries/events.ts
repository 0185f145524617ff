import { and, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { events, type EventRow } from '../schema';
import { applyOrderEvent, ensureCustomers } from './event-effects';

export interface IngestEventInput {
  type: string;
  customerId: string;
  occurredAt: Date;
  idempotencyKey: string;
  properties: Record<string, unknown>;
}

export interface IngestResult {
  /** Newly stored events, in input order. */
  accepted: Array<{ id: number; idempotencyKey: string }>;
  /** Keys already stored (or repeated within the batch): these had no effect. */
  duplicates: string[];
}

export interface DispatchOutcome {
  id: bigint | number | string;
  ok: boolean;
  error?: string;
}

export interface ClaimResult {
  claimed: number;
  dispatched: number;
  failed: number;
}

/**
 * Stores events and their customer/order effects in ONE transaction, so an accepted event is
 * committed with its state before the API answers. Duplicate idempotency keys have no effect.
 */
export async function ingestEvents(db: Db, input: IngestEventInput[]): Promise<IngestResult> {
  if (input.length === 0) return { accepted: [], duplicates: [] };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(events)
      .values(
        input.map((e) => ({
          type: e.type,
          customerId: e.customerId,
          occurredAt: e.occurredAt,
          idempotencyKey: e.idempotencyKey,
          properties: e.properties,
        })),
      )
      .onConflictDoNothing({ target: events.idempotencyKey })
      .returning({ id: events.id, idempotencyKey: events.idempotencyKey });

    const idByKey = new Map(inserted.map((r) => [r.idempotencyKey, r.id]));
    const accepted: IngestResult['accepted'] = [];
    const fresh: IngestEventInput[] = [];
    const duplicates: string[] = [];
    for (const e of input) {
      const id = idByKey.get(e.idempotencyKey);
      if (id === undefined) {
        duplicates.push(e.idempotencyKey);
        continue;
      }
      idByKey.delete(e.idempotencyKey); // a key repeated later in the batch is a duplicate
      accepted.push({ id, idempotencyKey: e.idempotencyKey });
      fresh.push(e);
    }

    await ensureCustomers(tx, input, fresh);
    for (const e of fresh) await applyOrderEvent(tx, e);
    return { accepted, duplicates };
  });
}

/**
 * Claims up to `limit` of the oldest undispatched events (FOR UPDATE SKIP LOCKED, so parallel
 * dispatchers never share a row), hands them to `handler`, and records each outcome — all in one
 * transaction. If the handler throws, nothing is marked and the rows are claimed again later.
 * `maxAttempts` parks events that keep failing so they stop blocking the head of the queue.
 */
export async function claimEventBatch(
  db: Db,
  limit: number,
  handler: (events: EventRow[]) => Promise<DispatchOutcome[]>,
  options: { maxAttempts?: number } = {},
): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const conditions: SQL[] = [isNull(events.dispatchedAt)];
    if (options.maxAttempts !== undefined)
      conditions.push(lt(events.dispatchAttempts, options.maxAttempts));
    const rows = await tx
      .select()
      .from(events)
      .where(and(...conditions))
      .orderBy(events.id)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { claimed: 0, dispatched: 0, failed: 0 };

    const outcomes = await handler(rows);
    // One outcome per claimed row; the handler's last word on an id wins, unknown ids are ignored.
    const claimedIds = new Set(rows.map((r) => r.id));
    const byId = new Map<number, DispatchOutcome>();
    for (const o of outcomes) if (claimedIds.has(Number(o.id))) byId.set(Number(o.id), o);
    const okIds = [...byId].filter(([, o]) => o.ok).map(([id]) => id);
    const failures = [...byId].filter(([, o]) => !o.ok);

    if (okIds.length > 0) {
      await tx
        .update(events)
        .set({ dispatchedAt: sql`now()`, lastError: null })
        .where(inArray(events.id, okIds));
    }
    for (const [id, f] of failures) {
      await tx
        .update(events)
        .set({
          dispatchAttempts: sql`${events.dispatchAttempts} + 1`,
          lastError: f.error ?? 'dispatch failed',
        })
        .where(eq(events.id, id));
    }
    return { claimed: rows.length, dispatched: okIds.length, failed: failures.length };
  });
}

/** Recent events, newest first; optionally one customer's. */
export async function listEvents(
  db: Db,
  opts: { customerId?: string; limit?: number } = {},
): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(opts.customerId === undefined ? undefined : eq(events.customerId, opts.customerId))
    .orderBy(desc(events.id))
    .limit(opts.limit ?? 100);
}

/** One event by id (e.g. a run's entry event), or null. */
export async function getEvent(db: Db, id: number): Promise<EventRow | null> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row ?? null;
}

/** How many accepted events still wait for dispatch — the outbox backlog. */
export async function countUndispatched(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(events).where(isNull(events.dispatchedAt));
  return row?.n ?? 0;
}
