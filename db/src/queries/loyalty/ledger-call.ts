// The TypeScript side of the ledger's SQL functions (db/migrations/0004_ledger_fast_path.sql):
// every movement is ONE call — one round trip, its own transaction — whose JSON answer is read
// back into the schema's row types here.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import {
  LEDGER_KINDS,
  type LedgerEntry,
  type LedgerKind,
  type LotAllocation,
  type PointsLot,
} from '../../schema';
import { isRecord, optionalInt } from '../parse';
import { IdempotencyKeyConflictError } from './types';

/** A ledger function's answer: what it did, and the rows it wrote (or a replay found). */
export interface LedgerCall {
  /** created | replayed, or the function's refusal (insufficient, nothing, unknown-customer). */
  status: string;
  entry: LedgerEntry | null;
  lot: PointsLot | null;
  /** The allocations that paid for the entry, in consumption order. */
  allocations: LotAllocation[];
  /** For `insufficient`: the spendable balance at the requested time. */
  balance: number;
}

/**
 * Runs `select <call>` and reads its JSON answer. An idempotency key that a concurrent write for
 * another member took first surfaces as the unique violation of the key, which is a conflict.
 */
export async function callLedger(db: Db, call: SQL, idempotencyKey: string): Promise<LedgerCall> {
  try {
    const { rows } = await db.execute(sql`select ${call} as result`);
    return readCall(rows[0]?.result);
  } catch (error) {
    if (isKeyViolation(error))
      throw new IdempotencyKeyConflictError(idempotencyKey, 'another movement');
    throw error;
  }
}

/** The original result of the entry written under `key` (one round trip), or null. */
export async function replayByKey(db: Db, key: string): Promise<LedgerCall | null> {
  const { rows } = await db.execute(
    sql`select loyalty_replay(e) as result from points_ledger e where e.idempotency_key = ${key}`,
  );
  return rows.length > 0 ? readCall(rows[0]?.result) : null;
}

/** The entry of a call that wrote or replayed one (a refusal has none). */
export function entryOf(call: LedgerCall): LedgerEntry {
  if (!call.entry) throw new Error(`ledger call answered ${call.status} without an entry`);
  return call.entry;
}

function readCall(value: unknown): LedgerCall {
  if (!isRecord(value)) throw new Error('ledger function returned no JSON object');
  return {
    status: text(value.status, 'status'),
    entry: isRecord(value.entry) ? toEntry(value.entry) : null,
    lot: isRecord(value.lot) ? toLot(value.lot) : null,
    allocations: Array.isArray(value.allocations) ? value.allocations.map(toAllocation) : [],
    balance: optionalInt(value.balance) ?? 0,
  };
}

function isKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; isRecord(e) || e instanceof Error; e = e.cause) {
    if (
      'code' in e &&
      e.code === '23505' &&
      'constraint' in e &&
      e.constraint === 'points_ledger_idempotency_key_unique'
    )
      return true;
    if (!('cause' in e)) break;
  }
  return false;
}

// to_jsonb() of a row: snake_case columns, timestamps as ISO strings, bigint ids as numbers.

function toEntry(row: Record<string, unknown>): LedgerEntry {
  return {
    id: int(row.id, 'entry.id'),
    customerId: text(row.customer_id, 'entry.customer_id'),
    kind: kind(row.kind),
    points: int(row.points, 'entry.points'),
    reason: text(row.reason, 'entry.reason'),
    orderId: nullableText(row.order_id),
    idempotencyKey: text(row.idempotency_key, 'entry.idempotency_key'),
    occurredAt: time(row.occurred_at, 'entry.occurred_at'),
    createdAt: time(row.created_at, 'entry.created_at'),
    balanceAfter: optionalInt(row.balance_after) ?? null,
    meta: isRecord(row.meta) ? row.meta : {},
  };
}

function toLot(row: Record<string, unknown>): PointsLot {
  return {
    id: int(row.id, 'lot.id'),
    customerId: text(row.customer_id, 'lot.customer_id'),
    entryId: int(row.entry_id, 'lot.entry_id'),
    earned: int(row.earned, 'lot.earned'),
    remaining: int(row.remaining, 'lot.remaining'),
    earnedAt: time(row.earned_at, 'lot.earned_at'),
    expiresAt: time(row.expires_at, 'lot.expires_at'),
    orderId: nullableText(row.order_id),
  };
}

function toAllocation(row: unknown): LotAllocation {
  if (!isRecord(row))
    throw new Error('ledger function returned an allocation that is not an object');
  return {
    entryId: int(row.entry_id, 'allocation.entry_id'),
    lotId: int(row.lot_id, 'allocation.lot_id'),
    points: int(row.points, 'allocation.points'),
    occurredAt: time(row.occurred_at, 'allocation.occurred_at'),
  };
}

function int(value: unknown, what: string): number {
  const n = optionalInt(value);
  if (n === undefined) throw new Error(`ledger function returned a non-integer ${what}`);
  return n;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`ledger function returned no ${what}`);
  return value;
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function time(value: unknown, what: string): Date {
  const at = new Date(text(value, what));
  if (Number.isNaN(at.getTime())) throw new Error(`ledger function returned a bad ${what}`);
  return at;
}

function kind(value: unknown): LedgerKind {
  const found = LEDGER_KINDS.find((k) => k === value);
  if (!found) throw new Error(`ledger function returned an unknown entry kind ${String(value)}`);
  return found;
}
