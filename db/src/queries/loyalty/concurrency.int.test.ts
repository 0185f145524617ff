import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../client';
import * as schema from '../../schema';
import { earnPoints, getBalance, getLots, listEntries, redeemPoints, type RedeemResult } from '.';
import { customer, day, pooledTestDb, type PooledTestDb } from './testing';

const CONNECTIONS = 50;

// One connection per concurrent redemption.
let handle: PooledTestDb | undefined;
let db: Db;
beforeAll(async () => {
  handle = await pooledTestDb(CONNECTIONS);
  db = handle.db;
}, 120_000);
afterAll(async () => {
  await handle?.stop();
});

/** Ten lots of 100 with staggered expiries: 1,000 points. */
async function earnThousand(id: string) {
  return Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      earnPoints(db, {
        customerId: id,
        points: 100,
        reason: 'order',
        orderId: `${id}-o${i}`,
        idempotencyKey: `order:${id}-o${i}:earn`,
        occurredAt: day(i / 10),
        expiresAt: day(100 + ((i * 37) % 10)),
      }),
    ),
  );
}

function redeemAll(id: string): Promise<RedeemResult[]> {
  return Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      redeemPoints(db, {
        customerId: id,
        points: 30,
        reason: 'redemption',
        idempotencyKey: `${id}:redeem:${i}`,
        occurredAt: day(10),
      }),
    ),
  );
}

async function lotTotals(id: string) {
  const [row] = await db
    .select({
      remaining: sql<number>`sum(remaining)::int`.mapWith(Number),
      negative: sql<number>`count(*) filter (where remaining < 0)::int`.mapWith(Number),
      allocated: sql<number>`(select sum(a.points)::int from lot_allocations a
        join points_lots l on l.id = a.lot_id where l.customer_id = ${id})`.mapWith(Number),
    })
    .from(schema.pointsLots)
    .where(sql`customer_id = ${id}`);
  return row;
}

describe('no overdraw under concurrency', () => {
  it('50 concurrent redemptions of 30 against 1,000 points: exactly 33 succeed, 10 left', async () => {
    const id = await customer(db, 'race');
    await earnThousand(id);
    expect(await getBalance(db, id, day(10))).toBe(1000);

    const results = await redeemAll(id);
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(33);
    expect(results.filter((r) => !r.ok)).toHaveLength(17);
    expect(await getBalance(db, id, day(10))).toBe(10);
    expect(await lotTotals(id)).toEqual({ remaining: 10, negative: 0, allocated: 990 });
    // Each success saw the balance the one before it left: 970, 940, … 10.
    expect(ok.map((r) => r.ok && r.balanceAfter).sort((a, b) => Number(b) - Number(a))).toEqual(
      Array.from({ length: 33 }, (_, i) => 970 - 30 * i),
    );
    // Lots were consumed soonest-expiring first: only the last-expiring lot has points left.
    const lots = await getLots(db, id, day(10));
    expect(lots.map((l) => l.remaining)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);

    // Replaying every earn and every redemption with the same keys changes nothing.
    const entriesBefore = await listEntries(db, id, { limit: 1000 });
    const earnReplays = await earnThousand(id);
    expect(earnReplays.every((e) => !e.created)).toBe(true);
    const replays = await redeemAll(id);
    expect(replays.filter((r) => r.ok && !r.created)).toHaveLength(33);
    expect(replays.filter((r) => r.ok && r.created)).toHaveLength(0);
    expect(await listEntries(db, id, { limit: 1000 })).toEqual(entriesBefore);
    expect(await getBalance(db, id, day(10))).toBe(10);
    expect(await lotTotals(id)).toEqual({ remaining: 10, negative: 0, allocated: 990 });
  });

  it('the same order event delivered 50 times at once earns once', async () => {
    const id = await customer(db, 'dup-earn');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        earnPoints(db, {
          customerId: id,
          points: 80,
          reason: 'order',
          orderId: 'o-dup',
          idempotencyKey: 'order:o-dup:earn',
          occurredAt: day(1),
        }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(await getBalance(db, id, day(2))).toBe(80);
  });
});
