import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import {
  adjustPoints,
  createProgram,
  earnPoints,
  enrollMember,
  expireLots,
  getBalance,
  getLots,
  getMember,
  IdempotencyKeyConflictError,
  listEntries,
  redeemPoints,
  UnknownCustomerError,
} from '.';
import { customer, day, earnOrder } from './testing';

const t = useTestDb();

const earn = (id: string, key: string, points: number, at: number, expires: number) =>
  earnOrder(t.db, id, key, points, at, expires);

async function redeem(id: string, key: string, points: number, at: number) {
  return redeemPoints(t.db, {
    customerId: id,
    points,
    reason: 'redemption',
    idempotencyKey: key,
    occurredAt: day(at),
  });
}

describe('DOMAIN.md §4 worked examples', () => {
  it('earn 100 (exp day 30), earn 100 (exp day 60), redeem 150 on day 10 → day 31 is 50, not −50', async () => {
    const id = await customer(t.db, 'ex-1');
    const a = await earn(id, 'ex1-a', 100, 0, 30);
    const b = await earn(id, 'ex1-b', 100, 1, 60);
    const r = await redeem(id, 'ex1-r', 150, 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The soonest-expiring lot pays first, then the next.
    expect(r.allocations.map((x) => [x.lotId, x.points])).toEqual([
      [a.lot.id, 100],
      [b.lot.id, 50],
    ]);
    expect(r.balanceAfter).toBe(50);
    expect(await getBalance(t.db, id, day(0.5))).toBe(100);
    expect(await getBalance(t.db, id, day(5))).toBe(200);
    expect(await getBalance(t.db, id, day(10))).toBe(50);
    expect(await getBalance(t.db, id, day(31))).toBe(50);
    expect(await getBalance(t.db, id, day(60))).toBe(0);
    expect((await getLots(t.db, id, day(31))).map((l) => [l.remaining, l.status])).toEqual([
      [0, 'expired'],
      [50, 'active'],
    ]);
    // Nothing is left of lot 1 to expire.
    expect(await expireLots(t.db, { asOf: day(31), customerId: id })).toMatchObject({ lots: 0 });
  });

  it('earn 100, redeem 50, earn 100, first lot expires → 100, not 50', async () => {
    const id = await customer(t.db, 'ex-2');
    const a = await earn(id, 'ex2-a', 100, 0, 30);
    await redeem(id, 'ex2-r', 50, 5);
    await earn(id, 'ex2-b', 100, 10, 375);
    expect(await getBalance(t.db, id, day(29))).toBe(150);
    // Before and after the expiry job: balances never wait for it.
    expect(await getBalance(t.db, id, day(31))).toBe(100);
    const expired = await expireLots(t.db, { asOf: day(31), customerId: id });
    expect(expired).toMatchObject({ lots: 1, points: 50, customerIds: [id], hasMore: false });
    expect(await getBalance(t.db, id, day(31))).toBe(100);
    expect(await getBalance(t.db, id, day(29))).toBe(150);
    const [latest] = await listEntries(t.db, id, { limit: 1 });
    // The expiry removes exactly what was left, at the lot's own expiry time.
    expect(latest).toMatchObject({
      kind: 'expire',
      points: -50,
      reason: 'expiry',
      occurredAt: day(30),
      idempotencyKey: `expire:lot:${a.lot.id}`,
    });
    expect(await expireLots(t.db, { asOf: day(400), customerId: id })).toMatchObject({
      lots: 1,
      points: 100,
    });
    expect(await expireLots(t.db, { asOf: day(400), customerId: id })).toMatchObject({ lots: 0 });
  });

  it('bonus points with a shorter term are consumed first; equal terms oldest first', async () => {
    const id = await customer(t.db, 'ex-3');
    const order = await earn(id, 'ex3-order', 100, 0, 365);
    const bonus = await earnPoints(t.db, {
      customerId: id,
      points: 50,
      reason: 'birthday',
      idempotencyKey: 'birthday:ex-3:2030',
      occurredAt: day(5),
      expiresAt: day(35),
    });
    const later = await earn(id, 'ex3-later', 100, 6, 365);
    const r = await redeem(id, 'ex3-r', 60, 10);
    expect(r.ok && r.allocations.map((x) => [x.lotId, x.points])).toEqual([
      [bonus.lot.id, 50],
      [order.lot.id, 10],
    ]);
    // A lot earned a day later but expiring the same instant goes after the older one.
    const tie = await earn(id, 'ex3-tie', 10, 7, 365);
    const r2 = await redeem(id, 'ex3-r2', 100, 11);
    expect(r2.ok && r2.allocations.map((x) => [x.lotId, x.points])).toEqual([
      [order.lot.id, 90],
      [later.lot.id, 10],
    ]);
    expect(tie.lot.remaining).toBe(10);
    expect(await getBalance(t.db, id, day(11))).toBe(100);
  });
});

describe('ledger guarantees', () => {
  it('an order earns once however often its event arrives; a reused key for another movement throws', async () => {
    const id = await customer(t.db, 'idem-1');
    const first = await earn(id, 'idem-o1', 80, 0, 365);
    const again = await earn(id, 'idem-o1', 80, 0, 365);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, balanceAfter: 80 });
    expect(again.entry.id).toBe(first.entry.id);
    expect(await getBalance(t.db, id, day(1))).toBe(80);
    await expect(earn(id, 'idem-o1', 81, 0, 365)).rejects.toThrow(IdempotencyKeyConflictError);
    await expect(redeem(id, 'order:idem-o1:earn', 10, 1)).rejects.toThrow(
      IdempotencyKeyConflictError,
    );
  });

  it('a redemption replayed with its key returns the original result and debits nothing', async () => {
    const id = await customer(t.db, 'idem-2');
    await earn(id, 'idem2-a', 100, 0, 30);
    await earn(id, 'idem2-b', 100, 0, 60);
    const r = await redeem(id, 'idem2-r', 120, 1);
    const replay = await redeem(id, 'idem2-r', 120, 1);
    expect(replay).toEqual({ ...r, created: false });
    expect(await getBalance(t.db, id, day(2))).toBe(80);
  });

  it('insufficient points are a typed result and write nothing', async () => {
    const id = await customer(t.db, 'insufficient');
    expect(await redeem(id, 'ins-0', 1, 0)).toEqual({
      ok: false,
      reason: 'insufficient-points',
      balance: 0,
      requested: 1,
    });
    await earn(id, 'ins-a', 100, 0, 30);
    expect(await redeem(id, 'ins-1', 101, 1)).toMatchObject({ ok: false, balance: 100 });
    // Expired points cannot be spent even before the expiry job ran.
    expect(await redeem(id, 'ins-2', 50, 30)).toMatchObject({ ok: false, balance: 0 });
    expect(await listEntries(t.db, id)).toHaveLength(1);
    // A refused key is not burnt: once points exist, the same request succeeds.
    await earn(id, 'ins-b', 100, 2, 60);
    expect(await redeem(id, 'ins-1', 101, 3)).toMatchObject({ ok: true, balanceAfter: 99 });
  });

  it('audited manual adjustments: positive adds a lot, negative never overdraws', async () => {
    const id = await customer(t.db, 'adjust');
    const audit = { reason: 'manual', note: 'goodwill after a late delivery', actor: 'ops@brand' };
    const plus = await adjustPoints(t.db, {
      ...audit,
      customerId: id,
      points: 40,
      idempotencyKey: 'adj-1',
      occurredAt: day(0),
    });
    expect(plus).toMatchObject({ ok: true, created: true, balanceAfter: 40 });
    expect(plus.ok && plus.lot?.expiresAt).toEqual(day(365));
    expect(plus.ok && plus.entry.meta).toEqual({ note: audit.note, actor: audit.actor });
    const minus = { ...audit, customerId: id, idempotencyKey: 'adj-2', occurredAt: day(1) };
    expect(await adjustPoints(t.db, { ...minus, points: -41 })).toMatchObject({ ok: false });
    expect(await adjustPoints(t.db, { ...minus, points: -15 })).toMatchObject({
      ok: true,
      balanceAfter: 25,
      lot: null,
    });
    expect(await adjustPoints(t.db, { ...minus, points: -15 })).toMatchObject({ created: false });
    await expect(adjustPoints(t.db, { ...minus, points: -1, note: ' ' })).rejects.toThrow(
      RangeError,
    );
    expect(await getBalance(t.db, id, day(2))).toBe(25);
  });

  it('members enroll once, lazily on a first earn, and only for known customers', async () => {
    const program = await createProgram(t.db, { name: 'Yatra Rewards', expiryDays: 180 });
    const id = await customer(t.db, 'enroll');
    const { member, created } = await enrollMember(t.db, { customerId: id, joinedAt: day(0) });
    expect(created).toBe(true);
    expect(member).toMatchObject({ programId: program.id, tier: 'Bronze', pointsOwed: 0 });
    expect((await enrollMember(t.db, { customerId: id })).created).toBe(false);
    // Default expiry comes from the member's programme.
    const e = await earnPoints(t.db, {
      customerId: id,
      points: 10,
      reason: 'order',
      idempotencyKey: 'enroll-earn',
      occurredAt: day(1),
    });
    expect(e.lot.expiresAt).toEqual(day(181));
    expect((await getMember(t.db, id))?.lastActivityAt).toEqual(day(1));
    await expect(enrollMember(t.db, { customerId: 'nobody' })).rejects.toThrow(
      UnknownCustomerError,
    );
    await expect(earn('nobody', 'nobody-o', 10, 0, 30)).rejects.toThrow(UnknownCustomerError);
  });

  it('the database itself refuses overdrawn lots and edits of the append-only ledger', async () => {
    const id = await customer(t.db, 'backstop');
    const { lot } = await earn(id, 'backstop-a', 10, 0, 30);
    await expect(
      t.db.execute(sql`update points_lots set remaining = -1 where id = ${lot.id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`update points_ledger set points = 1000 where customer_id = ${id}`),
    ).rejects.toThrow();
    await expect(
      t.db.execute(sql`delete from points_ledger where customer_id = ${id}`),
    ).rejects.toThrow();
    expect(await getBalance(t.db, id, day(1))).toBe(10);
  });

  it('expireLots works set-based across members, in batches', async () => {
    const ids = await Promise.all(['exp-a', 'exp-b', 'exp-c'].map((c) => customer(t.db, c)));
    for (const [i, id] of ids.entries()) {
      await earn(id, `${id}-1`, 10 + i, 1000, 1030);
      await earn(id, `${id}-2`, 20, 1000, 1090);
    }
    const first = await expireLots(t.db, { asOf: day(1031), limit: 2 });
    expect(first).toMatchObject({ lots: 2, hasMore: true });
    const rest = await expireLots(t.db, { asOf: day(1031) });
    expect(first.lots + rest.lots).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(await getBalance(t.db, id, day(1031))).toBe(20);
    expect(await expireLots(t.db, { asOf: day(1031) })).toMatchObject({ lots: 0 });
  });
});
