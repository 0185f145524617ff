// Property test: random sequences of earns (random expiries), redemptions (some too large),
// expiry runs, reversals and adjustments at increasing random times, on real PostgreSQL. After
// every step the ledger must agree with the naive reference model (reference-model.ts) on the
// outcome and on the balance now, at random past instants and in the future.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../client';
import { startTestDb, type TestDb } from '../../testing/test-db';
import {
  adjustPoints,
  earnPoints,
  expireLots,
  getBalance,
  redeemPoints,
  reverseOrderPoints,
  type LedgerWrite,
} from '.';
import { balanceAt, LedgerModel, type ModelOp, type ModelOutcome } from './reference-model';
import { createRng, type Rng } from './prng';
import { customer, DAY0 } from './testing';

const SEQUENCES = 200;
const STEPS = 30;
const PARALLEL = 8;
const SEED = 0x10ca1;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestDb;
beforeAll(async () => {
  t = await startTestDb();
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

/** What the database said, reduced to the model's vocabulary (lot ids → creation index). */
type Observed = ModelOutcome;

async function execute(
  db: Db,
  c: string,
  op: ModelOp,
  lotIndex: Map<number, number>,
): Promise<Observed> {
  const at = new Date(op.at);
  const idx = (lotId: number) => lotIndex.get(lotId) ?? -1;
  const replayed = (w: LedgerWrite, fresh: Observed): Observed =>
    w.created ? fresh : { kind: 'replayed', original: fresh };
  switch (op.kind) {
    case 'earn': {
      const r = await earnPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'order',
        orderId: op.orderId,
        idempotencyKey: op.key,
        occurredAt: at,
        expiresAt: new Date(op.expiresAt),
      });
      if (r.created) lotIndex.set(r.lot.id, lotIndex.size);
      return replayed(r, {
        kind: 'credited',
        lot: idx(r.lot.id),
        settledDebt: r.settledDebt,
        balanceAfter: r.balanceAfter,
      });
    }
    case 'adjust': {
      const r = await adjustPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'manual',
        note: 'property test',
        actor: 'vitest',
        idempotencyKey: op.key,
        occurredAt: at,
        expiresAt: new Date(op.expiresAt),
      });
      if (!r.ok) return { kind: 'insufficient', balance: r.balance };
      if (r.lot && r.created) lotIndex.set(r.lot.id, lotIndex.size);
      return replayed(
        r,
        r.lot
          ? {
              kind: 'credited',
              lot: idx(r.lot.id),
              settledDebt: r.settledDebt,
              balanceAfter: r.balanceAfter,
            }
          : {
              kind: 'debited',
              allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
              balanceAfter: r.balanceAfter,
            },
      );
    }
    case 'redeem': {
      const r = await redeemPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'redemption',
        idempotencyKey: op.key,
        occurredAt: at,
      });
      if (!r.ok) return { kind: 'insufficient', balance: r.balance };
      return replayed(r, {
        kind: 'debited',
        allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
        balanceAfter: r.balanceAfter,
      });
    }
    case 'reverse': {
      const reason = op.key.endsWith('cancel') ? 'cancel' : 'return';
      const r = await reverseOrderPoints(db, {
        customerId: c,
        orderId: op.orderId,
        idempotencyKey: op.key,
        occurredAt: at,
        reason,
      });
      if (!r.ok) return { kind: 'nothing-to-reverse' };
      return replayed(r, {
        kind: 'reversed',
        points: -r.entry.points,
        fromOrderLots: r.fromOrderLots,
        fromOtherLots: r.fromOtherLots,
        debt: r.debt,
        allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
        balanceAfter: r.balanceAfter,
      });
    }
    case 'expire': {
      const r = await expireLots(db, { asOf: at, customerId: c });
      return { kind: 'expired', lots: r.lots, points: r.points };
    }
  }
}

/** The next random operation, at `now`, given what the model holds. */
function nextOp(
  rng: Rng,
  c: string,
  step: number,
  now: number,
  model: LedgerModel,
  writes: ModelOp[],
  orders: string[],
): ModelOp {
  const key = `${c}:${step}`;
  const roll = rng.next();
  const expiry = () =>
    now +
    (rng.chance(0.3)
      ? rng.int(1, 60) * DAY
      : rng.chance(0.5)
        ? rng.int(60, 200) * DAY
        : 365 * DAY) +
    rng.int(0, 23) * HOUR;
  if (roll < 0.32) {
    const orderId = `${c}-o${step}`;
    orders.push(orderId);
    return {
      kind: 'earn',
      at: now,
      key: `order:${orderId}:earn`,
      points: rng.int(1, 300),
      orderId,
      expiresAt: expiry(),
    };
  }
  if (roll < 0.55) {
    const whole = model.balance(now);
    const points = whole > 0 && rng.chance(0.15) ? whole : rng.int(1, 400);
    return { kind: 'redeem', at: now, key, points };
  }
  if (roll < 0.65) return { kind: 'expire', at: now };
  if (roll < 0.77) {
    const orderId = orders.length > 0 && rng.chance(0.85) ? rng.pick(orders) : `${c}-never`;
    return {
      kind: 'reverse',
      at: now,
      key: `${key}:${rng.chance(0.5) ? 'return' : 'cancel'}`,
      orderId,
    };
  }
  if (roll < 0.9) {
    const points = rng.chance(0.5) ? rng.int(1, 150) : -rng.int(1, 200);
    return { kind: 'adjust', at: now, key, points, expiresAt: expiry() };
  }
  // Replay an earlier write with its key and original arguments: it must change nothing.
  return writes.length > 0 ? rng.pick(writes) : { kind: 'expire', at: now };
}

/** How often each interesting case came up, so the test cannot silently stop covering one. */
const seen = new Map<string, number>();
function tally(outcome: ModelOutcome, balance: number): void {
  const cases: string[] = [outcome.kind];
  if (outcome.kind === 'reversed' && outcome.fromOtherLots > 0)
    cases.push('reversed-from-other-lots');
  if (outcome.kind === 'reversed' && outcome.debt > 0) cases.push('reversed-into-debt');
  if (outcome.kind === 'credited' && outcome.settledDebt > 0) cases.push('credit-settled-debt');
  if (outcome.kind === 'expired' && outcome.lots > 0) cases.push('expired-some');
  if (outcome.kind === 'debited' && outcome.allocations.length > 1) cases.push('debit-over-lots');
  if (outcome.kind === 'debited' && outcome.balanceAfter === 0) cases.push('debit-to-zero');
  if (balance < 0) cases.push('negative-balance');
  for (const c of cases) seen.set(c, (seen.get(c) ?? 0) + 1);
}

async function runSequence(seq: number): Promise<void> {
  const rng = createRng(SEED + seq);
  const c = await customer(t.db, `prop-${seq}`);
  const model = new LedgerModel();
  const applied: ModelOp[] = [];
  const writes: ModelOp[] = [];
  const orders: string[] = [];
  const lotIndex = new Map<number, number>();
  const start = DAY0.getTime();
  let now = start;
  for (let step = 0; step < STEPS; step++) {
    const where = `seed ${SEED + seq}, step ${step}`;
    now += rng.chance(0.2) ? 0 : rng.int(1, 20 * 24) * HOUR;
    const op = nextOp(rng, c, step, now, model, writes, orders);
    const expected = model.apply(op);
    if (expected.kind !== 'replayed') applied.push(op);
    if (['credited', 'debited', 'reversed'].includes(expected.kind)) writes.push(op);
    const observed = await execute(t.db, c, op, lotIndex);
    expect(observed, `${where}: ${JSON.stringify(op)}`).toEqual(expected);
    tally(expected, model.balance(now));

    // The balance now, in the future, at random past instants and exactly at (and just before)
    // an earlier operation or lot expiry — the boundaries — against the naive replay.
    const edges = [...applied.map((op) => op.at), ...model.lots.map((l) => l.expiresAt)];
    const edge = rng.pick(edges);
    const instants = [now, now + rng.int(0, 400) * DAY, edge, edge - 1];
    for (let k = 0; k < 2; k++) instants.push(rng.int(start - DAY, now));
    for (const at of instants) {
      const reference = balanceAt(applied, at);
      const balance = await getBalance(t.db, c, new Date(at));
      expect(balance, `${where}: balance at ${new Date(at).toISOString()}`).toBe(reference.balance);
      // Negative only under the documented reversal rule: exactly the debt, with nothing held.
      if (balance < 0) expect(balance, `${where}: negative balance`).toBe(-reference.owed);
    }
  }
  await expectReconciled(c, model);
}

/** Entries sum to what lots hold minus what is owed; lots match the model one by one. */
async function expectReconciled(c: string, model: LedgerModel): Promise<void> {
  const result = await t.db.execute(sql`
    select (select coalesce(sum(points), 0)::int from points_ledger where customer_id = ${c}) as entries,
      (select coalesce(sum(remaining), 0)::int from points_lots where customer_id = ${c}) as held,
      (select points_owed from loyalty_members where customer_id = ${c}) as owed,
      (select coalesce(json_agg(remaining order by id), '[]') from points_lots where customer_id = ${c}) as lots`);
  const [row] = result.rows;
  expect(Number(row?.entries)).toBe(Number(row?.held) - Number(row?.owed ?? 0));
  expect(Number(row?.owed ?? 0)).toBe(model.owed());
  expect(row?.lots).toEqual(model.lots.map((l) => l.remaining));
}

describe('ledger property: DB agrees with the reference model after every step', () => {
  it(`${SEQUENCES} random sequences × ${STEPS} operations`, async () => {
    let next = 0;
    const worker = async () => {
      while (next < SEQUENCES) await runSequence(next++);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.info('property test coverage:', Object.fromEntries([...seen].sort()));
    for (const kind of [
      'credited',
      'debited',
      'insufficient',
      'reversed',
      'reversed-from-other-lots',
      'reversed-into-debt',
      'credit-settled-debt',
      'nothing-to-reverse',
      'expired-some',
      'replayed',
      'debit-over-lots',
      'debit-to-zero',
      'negative-balance',
    ]) {
      expect(seen.get(kind) ?? 0, `cases of ${kind}`).toBeGreaterThanOrEqual(20);
    }
  }, 600_000);
});
