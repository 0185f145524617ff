// Property test of the liability report: random ledgers of many members (the ledger property
// test's generator and reference model), then random periods — including the exact instants of
// operations and expiries, and 1 ms either side. For each, the report must reconcile with the
// ledger: opening/closing = Σ every member's balance (the database's getBalance and the naive
// model's replay), movements = what the model says happened in (from, to], and
// opening + issued − redeemed − expired − reversed − adjustedOut = closing.
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import { createProgram, getBalance, getLiabilityReport } from '.';
import { emptyMovements, FALLBACK_BREAKAGE_RATE } from './liability';
import { createRng, type Rng } from './prng';
import { DAY, executeOp, HOUR, nextOp } from './random-ops';
import { balanceAt, LedgerModel, type ModelOp, type ModelOutcome } from './reference-model';
import { customer, DAY0 } from './testing';

const MEMBERS = 40;
const STEPS = 30;
const PERIODS = 30;
const PARALLEL = 8;
const SEED = 0x11ab1;
const POINT_VALUE_PAISE = 25;

const t = useTestDb();

interface Member {
  id: string;
  /** Operations that changed the ledger (not replays), in time order, with the model's outcome. */
  applied: Array<{ op: ModelOp; outcome: ModelOutcome }>;
  model: LedgerModel;
}

/** A random ledger for one member, written to the database step by step. */
async function randomMember(n: number): Promise<Member> {
  const rng = createRng(SEED + n);
  const id = await customer(t.db, `liab-${n}`);
  const model = new LedgerModel();
  const applied: Member['applied'] = [];
  const writes: ModelOp[] = [];
  const orders: string[] = [];
  const lotIndex = new Map<number, number>();
  let now = DAY0.getTime() + rng.int(0, 30) * DAY;
  for (let step = 0; step < STEPS; step++) {
    now += rng.chance(0.2) ? 0 : rng.int(1, 20 * 24) * HOUR;
    const op = nextOp(rng, id, step, now, model, writes, orders);
    const outcome = model.apply(op);
    if (outcome.kind !== 'replayed') applied.push({ op, outcome });
    if (['credited', 'debited', 'reversed'].includes(outcome.kind)) writes.push(op);
    // The ledger must agree with the model, or the comparisons below would prove nothing.
    expect(await executeOp(t.db, id, op, lotIndex), `member ${n}, step ${step}`).toEqual(outcome);
  }
  return { id, applied, model };
}

/** What each lot of the member held at its expiry: the model replayed up to just before it. */
function heldAtExpiry(member: Member): number[] {
  return member.model.lots.map((lot, i) => {
    const before = new LedgerModel();
    for (const { op } of member.applied) if (op.at < lot.expiresAt) before.apply(op);
    return before.lots[i]?.remaining ?? 0;
  });
}

/** The movements of (from, to] according to the model, and the matured-lot history at `to`. */
function expectedMovements(members: Member[], held: number[][], from: number, to: number) {
  const m = emptyMovements();
  let maturedIssued = 0;
  let maturedExpired = 0;
  members.forEach((member, k) => {
    for (const { op, outcome } of member.applied) {
      if (op.at <= from || op.at > to) continue;
      if (outcome.kind === 'credited' && (op.kind === 'earn' || op.kind === 'adjust')) {
        m.issued += op.points;
        if (op.kind === 'earn') m.earned += op.points;
        else m.adjustedIn += op.points;
      }
      if (outcome.kind === 'debited' && op.kind === 'redeem') m.redeemed += op.points;
      if (outcome.kind === 'debited' && op.kind === 'adjust') m.adjustedOut += -op.points;
      if (outcome.kind === 'reversed') m.reversed += outcome.points;
    }
    const expireRuns = member.applied.filter(({ op }) => op.kind === 'expire').map((a) => a.op.at);
    member.model.lots.forEach((lot, i) => {
      const h = held[k]?.[i] ?? 0;
      if (lot.expiresAt <= to) {
        maturedIssued += lot.earned;
        maturedExpired += h;
      }
      if (lot.expiresAt <= from || lot.expiresAt > to) return;
      m.expired += h;
      // The nightly job posts an expiry entry (at expires_at) once it runs at or after it.
      if (h > 0 && expireRuns.some((at) => at >= lot.expiresAt)) m.expiryEntriesPosted += h;
    });
  });
  return { movements: m, maturedIssued, maturedExpired };
}

/** Random periods, many of them on the boundaries where off-by-one mistakes live. */
function randomPeriods(rng: Rng, members: Member[]): Array<[number, number]> {
  const edges = members.flatMap((m) => [
    ...m.applied.map((a) => a.op.at),
    ...m.model.lots.map((l) => l.expiresAt),
  ]);
  const last = Math.max(...edges);
  const instant = (): number => {
    const roll = rng.next();
    if (roll < 0.6) return rng.pick(edges) + rng.pick([0, 0, -1, 1]);
    return rng.int(DAY0.getTime() - DAY, last + 30 * DAY);
  };
  const periods: Array<[number, number]> = [[DAY0.getTime() - DAY, last + DAY]];
  while (periods.length < PERIODS) {
    const a = instant();
    const b = instant();
    if (a !== b) periods.push([Math.min(a, b), Math.max(a, b)]);
  }
  return periods;
}

async function sumOfBalances(members: Member[], at: number): Promise<[number, number]> {
  let db = 0;
  let model = 0;
  for (const m of members) {
    db += await getBalance(t.db, m.id, new Date(at));
    model += balanceAt(
      m.applied.map((a) => a.op),
      at,
    ).balance;
  }
  return [db, model];
}

describe('liability report reconciles with the ledger', () => {
  it(`${MEMBERS} random members × ${STEPS} operations, ${PERIODS} random periods`, async () => {
    await createProgram(t.db, { name: 'Liability test', pointValuePaise: POINT_VALUE_PAISE });
    const members: Member[] = [];
    let next = 0;
    const worker = async () => {
      while (next < MEMBERS) {
        const n = next++;
        members[n] = await randomMember(n);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const held = members.map(heldAtExpiry);

    const rng = createRng(SEED);
    let withHistory = 0;
    let withUnpostedExpiry = 0;
    for (const [from, to] of randomPeriods(rng, members)) {
      const where = `period (${new Date(from).toISOString()}, ${new Date(to).toISOString()}]`;
      const report = await getLiabilityReport(t.db, { from: new Date(from), to: new Date(to) });
      const [openingDb, openingModel] = await sumOfBalances(members, from);
      const [closingDb, closingModel] = await sumOfBalances(members, to);
      const expected = expectedMovements(members, held, from, to);

      expect(report.pointValuePaise, where).toBe(POINT_VALUE_PAISE);
      expect([report.opening.points, report.closing.points], where).toEqual([openingDb, closingDb]);
      expect([openingDb, closingDb], `${where}: ledger vs model`).toEqual([
        openingModel,
        closingModel,
      ]);
      expect(report.closing.valuePaise, where).toBe(closingDb * POINT_VALUE_PAISE);
      expect(report.movements, where).toEqual(expected.movements);
      const m = report.movements;
      expect(
        report.opening.points + m.issued - m.redeemed - m.expired - m.reversed - m.adjustedOut,
        `${where}: opening + issued − redeemed − expired − reversed − adjusted = closing`,
      ).toBe(report.closing.points);
      expect(report.reconciliation.difference, where).toBe(0);

      // The months partition the period and end on the closing balance.
      const summed = report.months.reduce(
        (s, month) => ({ issued: s.issued + month.issued, expired: s.expired + month.expired }),
        { issued: 0, expired: 0 },
      );
      expect(summed, where).toEqual({ issued: m.issued, expired: m.expired });
      expect(report.months.at(-1)?.closing, where).toBe(report.closing.points);

      // Breakage from matured lots, or the documented fallback before any lot matured.
      if (expected.maturedIssued > 0) {
        withHistory += 1;
        expect(report.breakage, where).toEqual({
          rate: expected.maturedExpired / expected.maturedIssued,
          basis: 'history',
          maturedIssued: expected.maturedIssued,
          maturedExpired: expected.maturedExpired,
        });
      } else {
        expect(report.breakage, where).toMatchObject({
          rate: FALLBACK_BREAKAGE_RATE,
          basis: 'fallback',
        });
      }
      expect(report.deferredRevenuePaise, where).toBe(
        Math.round(closingDb * POINT_VALUE_PAISE * (1 - report.breakage.rate)),
      );
      expect(report.revenueFromExpiryPaise, where).toBe(m.expired * POINT_VALUE_PAISE);
      if (m.expiryEntriesPosted < m.expired) withUnpostedExpiry += 1;
    }
    // The periods exercised both breakage bases and expiries the nightly job had not posted.
    expect(withHistory).toBeGreaterThan(5);
    expect(withUnpostedExpiry).toBeGreaterThan(0);
  }, 600_000);

  it('refuses an empty or inverted period', async () => {
    const at = new Date('2030-06-01T00:00:00Z');
    await expect(getLiabilityReport(t.db, { from: at, to: at })).rejects.toThrow(RangeError);
  });
});
