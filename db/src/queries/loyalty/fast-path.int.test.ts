// The ledger fast path (0004_ledger_fast_path.sql): every movement is ONE statement — one call of
// a PL/pgSQL function that locks the member, plans and writes — and the rules still hold through
// it: the consumption order with all its tie-breaks, no overdraw under concurrent mixed writes,
// a key raced for by two customers, and tiers for members of the default programme.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../client';
import {
  adjustPoints,
  earnPoints,
  enrollMember,
  expireLots,
  getBalance,
  getMember,
  IdempotencyKeyConflictError,
  recalculateTiers,
  redeemPoints,
  reverseOrderPoints,
} from '.';
import { customer, day, earnOrder, pooledTestDb, type PooledTestDb } from './testing';
import { delivered, tieredProgram } from './tiers-testing';

const CONNECTIONS = 50;

// One connection per concurrent write.
let handle: PooledTestDb | undefined;
let db: Db;
let pool: pg.Pool;
beforeAll(async () => {
  handle = await pooledTestDb(CONNECTIONS);
  ({ db, pool } = handle);
}, 120_000);
afterAll(async () => {
  await handle?.stop();
});

const earn = (id: string, key: string, points: number, at: number, expires: number) =>
  earnOrder(db, id, key, points, at, expires);

describe('one round trip per movement', () => {
  it('earn, redeem, ± adjust, reverse, a replay and an expiry batch each send one statement', async () => {
    const id = await customer(db, 'round-trips');
    const statements = vi.spyOn(pg.Client.prototype, 'query');
    const sent = async (write: () => Promise<unknown>) => {
      statements.mockClear();
      const result = await write();
      return { result, statements: statements.mock.calls.length };
    };
    try {
      expect(await sent(() => earn(id, 'rt-a', 100, 0, 30))).toMatchObject({
        result: { created: true },
        statements: 1,
      });
      expect(await sent(() => earn(id, 'rt-a', 100, 0, 30))).toMatchObject({
        result: { created: false },
        statements: 1,
      });
      const redeem = () =>
        redeemPoints(db, {
          customerId: id,
          points: 30,
          reason: 'redemption',
          idempotencyKey: 'rt-redeem',
          occurredAt: day(1),
        });
      expect(await sent(redeem)).toMatchObject({ result: { ok: true }, statements: 1 });
      for (const points of [20, -10]) {
        const adjust = () =>
          adjustPoints(db, {
            customerId: id,
            points,
            reason: 'manual',
            note: 'round trip test',
            actor: 'vitest',
            idempotencyKey: `rt-adjust-${points}`,
            occurredAt: day(2),
          });
        expect(await sent(adjust)).toMatchObject({ result: { ok: true }, statements: 1 });
      }
      const reverse = () =>
        reverseOrderPoints(db, {
          customerId: id,
          orderId: 'rt-a',
          idempotencyKey: 'order:rt-a:reverse',
          occurredAt: day(3),
          reason: 'return',
        });
      expect(await sent(reverse)).toMatchObject({ result: { ok: true, debt: 20 }, statements: 1 });
      // Settles the reversal's debt of 20 and keeps 30, which the expiry batch then removes.
      expect(await sent(() => earn(id, 'rt-b', 50, 4, 40))).toMatchObject({
        result: { created: true, settledDebt: 20 },
        statements: 1,
      });
      expect(await sent(() => expireLots(db, { asOf: day(400), customerId: id }))).toMatchObject({
        result: { lots: 1, points: 30 },
        statements: 1,
      });
    } finally {
      statements.mockRestore();
    }
  });
});

describe('the consumption order, decided in SQL', () => {
  it('soonest expiry first, then the oldest earn, then the lower lot id', async () => {
    const id = await customer(db, 'order-ties');
    const a = await earn(id, 'ties-a', 100, 0, 365);
    const b = await earn(id, 'ties-b', 50, 5, 35); // shorter term: goes first
    const c = await earn(id, 'ties-c', 100, 1, 365); // same expiry as a, earned later
    await earn(id, 'ties-d', 10, 1, 365); // same expiry and earn time as c, higher id
    const r = await redeemPoints(db, {
      customerId: id,
      points: 170,
      reason: 'redemption',
      idempotencyKey: 'ties-redeem',
      occurredAt: day(10),
    });
    expect(r.ok && r.allocations.map((x) => [x.lotId, x.points])).toEqual([
      [b.lot.id, 50],
      [a.lot.id, 100],
      [c.lot.id, 20],
    ]);
    expect(r.ok && r.allocations.every((x) => x.occurredAt.getTime() === day(10).getTime())).toBe(
      true,
    );
    expect(r.ok && r.balanceAfter).toBe(90);
  });

  it('a back-dated reversal claws back from a lot earned after it, at that lot’s earn time', async () => {
    const id = await customer(db, 'later-lot');
    await earn(id, 'later-a', 100, 0, 365);
    await redeemPoints(db, {
      customerId: id,
      points: 100,
      reason: 'redemption',
      idempotencyKey: 'later-redeem',
      occurredAt: day(1),
    });
    const later = await earn(id, 'later-b', 50, 20, 365);
    const r = await reverseOrderPoints(db, {
      customerId: id,
      orderId: 'later-a',
      idempotencyKey: 'order:later-a:reverse',
      occurredAt: day(10),
      reason: 'return',
    });
    expect(r).toMatchObject({ ok: true, fromOrderLots: 0, fromOtherLots: 50, debt: 50 });
    expect(r.ok && r.allocations.map((x) => [x.lotId, x.points, x.occurredAt])).toEqual([
      [later.lot.id, 50, day(20)],
    ]);
    expect((await getMember(db, id))?.pointsOwed).toBe(50);
    expect(await getBalance(db, id, day(15))).toBe(-100);
    expect(await getBalance(db, id, day(20))).toBe(-50);
  });
});

describe('no overdraw under concurrent mixed writes', () => {
  it('50 earns, redemptions and negative adjustments at once serialise into a consistent ledger', async () => {
    const id = await customer(db, 'mixed');
    const ops = Array.from({ length: CONNECTIONS }, (_, i) => i).sort(
      (x, y) => ((x * 7919) % 50) - ((y * 7919) % 50),
    );
    const results = await Promise.all(
      ops.map((i) => {
        if (i < 20) return earn(id, `mixed-${i}`, 40, 10, 100 + i);
        if (i < 45)
          return redeemPoints(db, {
            customerId: id,
            points: 50,
            reason: 'redemption',
            idempotencyKey: `mixed-redeem-${i}`,
            occurredAt: day(10),
          });
        return adjustPoints(db, {
          customerId: id,
          points: -30,
          reason: 'correction',
          note: 'concurrency test',
          actor: 'vitest',
          idempotencyKey: `mixed-adjust-${i}`,
          occurredAt: day(10),
        });
      }),
    );
    const refused = results.filter((r) => 'ok' in r && !r.ok);
    for (const r of refused) {
      expect(r).toMatchObject({ reason: 'insufficient-points' });
      if ('requested' in r) expect(r.balance).toBeLessThan(r.requested);
    }
    // Entry ids are taken under the member lock, so their order is the order the writes ran in:
    // replaying the signed points in that order must give every entry's balance_after, never < 0.
    const entries = await db.execute<{ points: number; balance_after: number }>(
      sql`select points, balance_after from points_ledger where customer_id = ${id} order by id`,
    );
    let running = 0;
    for (const e of entries.rows) {
      running += e.points;
      expect(e.balance_after).toBe(running);
      expect(running).toBeGreaterThanOrEqual(0);
    }
    expect(entries.rows).toHaveLength(CONNECTIONS - refused.length);
    expect(await getBalance(db, id, day(10))).toBe(running);
    // Every lot holds what it earned less what was allocated from it; debits are fully allocated.
    const check = await db.execute<{ bad_lots: number; bad_debits: number; held: number }>(sql`
      select
        (select count(*)::int from points_lots l where l.customer_id = ${id} and l.remaining <>
          l.earned - coalesce((select sum(a.points) from lot_allocations a where a.lot_id = l.id), 0))
          as bad_lots,
        (select count(*)::int from points_ledger e where e.customer_id = ${id} and e.points < 0
          and -e.points <> (select coalesce(sum(a.points), 0) from lot_allocations a where a.entry_id = e.id))
          as bad_debits,
        (select sum(remaining)::int from points_lots where customer_id = ${id}) as held`);
    expect(check.rows[0]).toEqual({ bad_lots: 0, bad_debits: 0, held: running });
  });
});

describe('a key raced for by two customers', () => {
  it('one earn wins; the others are key conflicts that leave no trace, not even an enrollment', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => customer(db, `race-${i}`)));
    const results = await Promise.allSettled(
      ids.map((id) =>
        earnPoints(db, {
          customerId: id,
          points: 10,
          reason: 'order',
          idempotencyKey: 'order:shared:earn',
          occurredAt: day(1),
        }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [ids[i] ?? ''] : []));
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(IdempotencyKeyConflictError);
    }
    for (const id of ids) {
      const member = await getMember(db, id);
      expect(member !== null, `${id} enrolled`).toBe(won.includes(id));
    }
  });

  it('a key another customer took while this earn waited to enroll is a conflict, rolled back', async () => {
    const [winner, loser] = [await customer(db, 'window-w'), await customer(db, 'window-l')];
    // Hold the loser's enrollment open, so that its earn waits between its first look at the key
    // (free) and its second (taken by the winner, who commits meanwhile).
    const blocker = await pool.connect();
    try {
      await blocker.query('begin');
      await blocker.query(
        `insert into loyalty_members (customer_id, joined_at) values ($1, now())`,
        [loser],
      );
      const losing = earnPoints(db, {
        customerId: loser,
        points: 10,
        reason: 'order',
        idempotencyKey: 'order:window:earn',
        occurredAt: day(1),
      }).then(
        () => null,
        (error: unknown) => error,
      );
      await waitForLockWait('loyalty_credit');
      await earnPoints(db, {
        customerId: winner,
        points: 10,
        reason: 'order',
        idempotencyKey: 'order:window:earn',
        occurredAt: day(1),
      });
      await blocker.query('rollback');
      expect(await losing).toBeInstanceOf(IdempotencyKeyConflictError);
    } finally {
      blocker.release();
    }
    expect(await getMember(db, loser)).toBeNull();
    expect(await getBalance(db, winner, day(1))).toBe(10);
  });
});

/** Waits until a statement containing `text` is blocked on a lock (bounded: 10 s). */
async function waitForLockWait(text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await db.execute(sql`select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and query like ${`%${text}%`}`);
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no statement with ${text} waited for a lock`);
}

describe('tiers for members of the default programme', () => {
  it('a member who joined before any programme existed is placed by the default programme', async () => {
    const id = await customer(db, 'early-member');
    const { member } = await enrollMember(db, { customerId: id, joinedAt: day(0) });
    expect(member.programId).toBeNull();
    await tieredProgram(db);
    await delivered(db, id, 'early-order', 6_000, day(5));
    const { changes } = await recalculateTiers(db, day(6));
    expect(changes.filter((c) => c.customerId === id)).toEqual([
      expect.objectContaining({ reason: 'initial', toTier: 'Silver', qualifyingValue: 6_000 }),
    ]);
  });
});
