// The bench's generated ledger must follow the ledger's own rules, or the bench measures
// nothing real: balances by getBalance equal the naive replay at many instants, the report
// reconciles, the lots hold what the entries say, and the nightly job finds exactly the lots that
// expired without being posted.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createProgram,
  expireLots,
  getBalance,
  getLiabilityReport,
  getLots,
} from '../queries/loyalty';
import { generateLedgerFixture, naiveBalance } from './ledger-fixture';
import { useTestDb } from './use-test-db';

const NOW = new Date('2030-06-01T00:00:00Z');
const DAY = 86_400_000;
const MEMBERS = 60;

const t = useTestDb();

describe('generateLedgerFixture', () => {
  it('writes a ledger that obeys the rules, and the naive replay agrees with getBalance', async () => {
    await createProgram(t.db, { name: 'Bench' });
    const f = await generateLedgerFixture(t.db, { members: MEMBERS, now: NOW });
    const counts = await t.db.execute(sql`select
      (select count(*)::int from points_ledger) as entries,
      (select count(*)::int from points_lots) as lots,
      (select count(*)::int from lot_allocations) as allocations,
      (select count(*)::int from orders) as orders,
      (select coalesce(sum(points), 0)::int from points_ledger) as ledger_sum,
      (select coalesce(sum(remaining), 0)::int from points_lots) as held`);
    const [row] = counts.rows;
    expect(row).toMatchObject({
      entries: f.entries,
      lots: f.lots,
      allocations: f.allocations,
      orders: f.orders,
    });
    // Σ entries = Σ what lots hold (no debts in the fixture).
    expect(row?.ledger_sum).toBe(row?.held);

    const instants = [
      NOW,
      ...[30, 100, 250, 400, 600].map((d) => new Date(NOW.getTime() - d * DAY)),
    ];
    for (let i = 0; i < MEMBERS; i += 7) {
      const c = f.customerId(i);
      for (const at of instants) {
        expect(await naiveBalance(t.db, c, at), `${c} at ${at.toISOString()}`).toBe(
          await getBalance(t.db, c, at),
        );
      }
      // Twelve lots: the first eight expired (six of them used up first), lot 8 maybe just
      // expired, the last three live — and what the live ones hold is the balance.
      const lots = await getLots(t.db, c, NOW);
      expect(lots).toHaveLength(12);
      const live = lots.filter((l) => l.status === 'active');
      expect(live.length === 3 || live.length === 4, `${c}: ${live.length} live lots`).toBe(true);
      expect(live.reduce((s, l) => s + l.remaining, 0)).toBe(await getBalance(t.db, c, NOW));
    }

    const report = await getLiabilityReport(t.db, {
      from: new Date(NOW.getTime() - 700 * DAY),
      to: NOW,
    });
    expect(report.opening.points).toBe(0);
    expect(report.reconciliation.difference).toBe(0);
    const due = report.movements.expired - report.movements.expiryEntriesPosted;
    expect(due).toBeGreaterThan(0);

    const night = await expireLots(t.db, { asOf: NOW });
    expect(night.points).toBe(due);
    const after = await getLiabilityReport(t.db, {
      from: new Date(NOW.getTime() - 700 * DAY),
      to: NOW,
    });
    expect(after.movements.expiryEntriesPosted).toBe(after.movements.expired);
    expect(after.closing.points).toBe(report.closing.points);
  });
});
