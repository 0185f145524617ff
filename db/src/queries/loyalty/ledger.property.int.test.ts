// Property test: random sequences of earns (random expiries), redemptions (some too large),
// expiry runs, reversals and adjustments at increasing random times, on real PostgreSQL. After
// every step the ledger must agree with the naive reference model (reference-model.ts) on the
// outcome and on the balance now, at random past instants and in the future.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import { getBalance } from '.';
import { balanceAt, LedgerModel, type ModelOp, type ModelOutcome } from './reference-model';
import { createRng } from './prng';
import { DAY, executeOp, HOUR, nextOp } from './random-ops';
import { customer, DAY0 } from './testing';

const SEQUENCES = 200;
const STEPS = 30;
const PARALLEL = 8;
const SEED = 0x10ca1;

const t = useTestDb();

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
    const observed = await executeOp(t.db, c, op, lotIndex);
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
