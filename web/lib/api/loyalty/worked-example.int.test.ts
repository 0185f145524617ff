// DOMAIN.md §4's worked examples driven through the loyalty route handlers against a real
// embedded PostgreSQL, plus the API's promises: 409 with the balance, idempotent redemptions,
// audited adjustments, liability JSON and CSV that agree. Earns come from the ledger function the
// order pipeline calls (there is no "earn" endpoint: orders earn through events).
import { describe, expect, it } from 'vitest';
import { upsertCustomer } from '@yatra/db';
import { day, earnOrder } from '@yatra/db/queries/loyalty/testing';
import { demoProgram } from '@yatra/nodes/loyalty/program-config';
import * as programRoute from '../../../app/api/loyalty/program/route';
import * as membersRoute from '../../../app/api/loyalty/members/route';
import * as memberRoute from '../../../app/api/loyalty/members/[customerId]/route';
import * as redemptionsRoute from '../../../app/api/loyalty/members/[customerId]/redemptions/route';
import * as adjustmentsRoute from '../../../app/api/loyalty/members/[customerId]/adjustments/route';
import * as liabilityRoute from '../../../app/api/loyalty/liability/route';
import * as timelineRoute from '../../../app/api/customers/[id]/timeline/route';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from '../test-helpers';

const t = useRouteTestDb();

const iso = (n: number) => day(n).toISOString();

async function customerMember(id: string): Promise<string> {
  await upsertCustomer(t.db, { id, name: id });
  const res = await membersRoute.POST(
    jsonRequest('/api/loyalty/members', 'POST', { customerId: id, joinedAt: iso(0) }),
    ctx({}),
  );
  expect(res.status).toBe(201);
  return id;
}

/** An order's earn, as the order pipeline writes it. */
async function earn(customerId: string, key: string, points: number, at: number, expires: number) {
  await earnOrder(t.db, customerId, key, points, at, expires);
}

function redeem(customerId: string, body: unknown) {
  return redemptionsRoute.POST(
    jsonRequest(`/api/loyalty/members/${customerId}/redemptions`, 'POST', body),
    ctx({ customerId }),
  );
}

function adjust(customerId: string, body: unknown) {
  return adjustmentsRoute.POST(
    jsonRequest(`/api/loyalty/members/${customerId}/adjustments`, 'POST', body),
    ctx({ customerId }),
  );
}

interface MemberBody {
  balance: number;
  balanceValuePaise: number;
  tier: { name: string; status: { nextTier: { name: string } | null } | null };
  nextExpiry: { points: number; expiresAt: string } | null;
  lots: Array<{ earned: number; remaining: number; expiresAt: string; status: string }>;
  entries: Array<{
    kind: string;
    points: number;
    occurredAt: string;
    meta: Record<string, unknown>;
  }>;
}

async function member(customerId: string, asOf?: number): Promise<MemberBody> {
  const query = asOf === undefined ? '' : `?asOf=${encodeURIComponent(iso(asOf))}`;
  const res = await memberRoute.GET(
    jsonRequest(`/api/loyalty/members/${customerId}${query}`, 'GET'),
    ctx({ customerId }),
  );
  expect(res.status).toBe(200);
  return (await bodyOf(res)).member as MemberBody;
}

/** The shortcut DOMAIN.md warns about: unexpired earns minus every redemption. */
function shortcut(m: MemberBody, asOf: number): number {
  const entries = m.entries;
  const earned = m.lots.filter((l) => new Date(l.expiresAt) > day(asOf));
  return (
    earned.reduce((s, l) => s + l.earned, 0) +
    entries.filter((e) => e.kind === 'redeem').reduce((s, e) => s + e.points, 0)
  );
}

describe('loyalty API: the worked examples of DOMAIN.md §4', () => {
  it('saves the programme, refusing a ladder that does not increase with the field path', async () => {
    const missing = await programRoute.GET(jsonRequest('/api/loyalty/program', 'GET'), ctx({}));
    expect(missing.status).toBe(404);

    const bad = structuredClone(demoProgram);
    const gold = bad.tiers[2];
    if (gold) gold.threshold = 1_000;
    const refused = await programRoute.PUT(
      jsonRequest('/api/loyalty/program', 'PUT', bad),
      ctx({}),
    );
    expect(refused.status).toBe(400);
    expect((await bodyOf(refused)).issues).toEqual([
      {
        path: 'tiers.2.threshold',
        message: 'the tier ladder must increase: Gold (1000) must be above Silver (5000)',
      },
    ]);

    const created = await programRoute.PUT(
      jsonRequest('/api/loyalty/program', 'PUT', demoProgram),
      ctx({}),
    );
    expect(created.status).toBe(201);
    const saved = await programRoute.PUT(
      jsonRequest('/api/loyalty/program', 'PUT', { ...demoProgram, expiryDays: 400 }),
      ctx({}),
    );
    expect(saved.status).toBe(200);
    const got = await bodyOf(
      await programRoute.GET(jsonRequest('/api/loyalty/program', 'GET'), ctx({})),
    );
    expect(got.program).toMatchObject({
      name: 'Yatra Rewards',
      expiryDays: 400,
      pointValuePaise: 10,
    });
  });

  it('enrolls once, and says what is wrong with a bad or unknown customer', async () => {
    await upsertCustomer(t.db, { id: 'enr', name: 'Enrolled' });
    const post = (body: unknown) =>
      membersRoute.POST(jsonRequest('/api/loyalty/members', 'POST', body), ctx({}));
    expect((await post({ customerId: 'enr' })).status).toBe(201);
    expect((await post({ customerId: 'enr' })).status).toBe(200);
    expect((await post({ customerId: 'nobody' })).status).toBe(404);
    const bad = await post({ customerId: '' });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).issues).toEqual([expect.objectContaining({ path: 'customerId' })]);
    const notMember = await memberRoute.GET(
      jsonRequest('/api/loyalty/members/ghost', 'GET'),
      ctx({ customerId: 'ghost' }),
    );
    expect(notMember.status).toBe(404);
  });

  it('earn 100 (day 30), earn 100 (day 60), redeem 150 on day 10 → day 31 balance 50, not −50', async () => {
    const c = await customerMember('ex-1');
    await earn(c, 'ex1-a', 100, 0, 30);
    await earn(c, 'ex1-b', 100, 0, 60);
    const res = await redeem(c, { points: 150, idempotencyKey: 'ex1-r', occurredAt: iso(10) });
    expect(res.status).toBe(201);
    const { redemption } = (await bodyOf(res)) as {
      redemption: { points: number; balanceAfter: number; allocations: unknown[] };
    };
    expect(redemption.points).toBe(150);
    expect(redemption.balanceAfter).toBe(50);
    // The soonest-expiring lot paid first: all of lot 1, then 50 of lot 2.
    expect(redemption.allocations.map((a) => (a as { points: number }).points)).toEqual([100, 50]);

    expect((await member(c, 9)).balance).toBe(200);
    const day31 = await member(c, 31);
    expect(day31.balance).toBe(50);
    expect(day31.balanceValuePaise).toBe(500);
    expect(shortcut(day31, 31)).toBe(-50);
    expect(day31.lots.map((l) => [l.earned, l.remaining, l.status])).toEqual([
      [100, 0, 'expired'],
      [100, 50, 'active'],
    ]);
    expect(day31.nextExpiry).toEqual({ points: 50, expiresAt: iso(60) });
    expect(day31.tier.name).toBe('Bronze');
    expect(day31.tier.status?.nextTier?.name).toBe('Silver');
    expect((await member(c, 61)).balance).toBe(0);
  });

  it('earn 100, redeem 50, earn 100, the first lot expires → balance 100, not 50', async () => {
    const c = await customerMember('ex-2');
    await earn(c, 'ex2-a', 100, 0, 30);
    expect(
      (await redeem(c, { points: 50, idempotencyKey: 'ex2-r', occurredAt: iso(5) })).status,
    ).toBe(201);
    await earn(c, 'ex2-b', 100, 10, 375);
    const day31 = await member(c, 31);
    expect(day31.balance).toBe(100);
    expect(shortcut(day31, 31)).toBe(50);
    expect((await member(c, 29)).balance).toBe(150);
  });

  it('answers 409 with the balance when points are short, and a replayed key changes nothing', async () => {
    const c = await customerMember('ex-3');
    await earn(c, 'ex3-a', 600, 0, 365);
    const short = await redeem(c, { points: 700, idempotencyKey: 'ex3-big', occurredAt: iso(1) });
    expect(short.status).toBe(409);
    expect(await bodyOf(short)).toMatchObject({ balance: 600, requested: 700, issues: [] });

    const body = { optionId: 'rs50-off', idempotencyKey: 'ex3-cart-1', occurredAt: iso(2) };
    const first = await redeem(c, body);
    expect(first.status).toBe(201);
    const firstBody = await bodyOf(first);
    expect(firstBody.redemption).toMatchObject({
      points: 500,
      balanceAfter: 100,
      option: { id: 'rs50-off', valuePaise: 5_000 },
    });
    const again = await redeem(c, body);
    expect(again.status).toBe(200);
    expect(await bodyOf(again)).toEqual(firstBody);
    const now = await member(c, 3);
    expect(now.balance).toBe(100);
    expect(now.entries.filter((e) => e.kind === 'redeem')).toHaveLength(1);

    // A refused redemption burnt no key; a key reused for another amount is a conflict.
    expect(
      (await redeem(c, { points: 100, idempotencyKey: 'ex3-big', occurredAt: iso(3) })).status,
    ).toBe(201);
    expect((await redeem(c, { points: 1, idempotencyKey: 'ex3-cart-1' })).status).toBe(409);

    const unknownOption = await redeem(c, { optionId: 'free-car', idempotencyKey: 'ex3-x' });
    expect(unknownOption.status).toBe(400);
    expect((await bodyOf(unknownOption)).issues).toEqual([
      {
        path: 'optionId',
        message: 'unknown redemption option "free-car"; the programme offers: rs50-off, rs250-off',
      },
    ]);
    const both = await redeem(c, { optionId: 'rs50-off', points: 5, idempotencyKey: 'ex3-y' });
    expect(both.status).toBe(400);
    expect(
      (await redeem('ghost', { points: 1, idempotencyKey: 'ghost-1' })).status,
      'not a member',
    ).toBe(404);
  });

  it('records who adjusted and why, refuses an overdraw and an unexplained adjustment', async () => {
    const c = await customerMember('ex-4');
    const credit = await adjust(c, {
      points: 40,
      reason: 'goodwill',
      note: 'parcel arrived late',
      actor: 'ops@brand.in',
      idempotencyKey: 'ex4-adj-1',
      occurredAt: iso(1),
      expiresAt: iso(90),
    });
    expect(credit.status).toBe(201);
    expect((await bodyOf(credit)).adjustment).toMatchObject({
      points: 40,
      reason: 'goodwill',
      note: 'parcel arrived late',
      actor: 'ops@brand.in',
      balanceAfter: 40,
      lot: { expiresAt: iso(90) },
    });
    const replay = await adjust(c, {
      points: 40,
      reason: 'goodwill',
      note: 'parcel arrived late',
      actor: 'ops@brand.in',
      idempotencyKey: 'ex4-adj-1',
      occurredAt: iso(1),
    });
    expect(replay.status).toBe(200);

    const overdraw = await adjust(c, {
      points: -50,
      note: 'correction',
      actor: 'ops@brand.in',
      idempotencyKey: 'ex4-adj-2',
      occurredAt: iso(2),
    });
    expect(overdraw.status).toBe(409);
    expect(await bodyOf(overdraw)).toMatchObject({ balance: 40, requested: 50 });
    const debit = await adjust(c, {
      points: -15,
      note: 'duplicate goodwill',
      actor: 'finance@brand.in',
      idempotencyKey: 'ex4-adj-3',
      occurredAt: iso(2),
    });
    expect(debit.status).toBe(201);

    const m = await member(c, 3);
    expect(m.balance).toBe(25);
    expect(m.entries.map((e) => [e.kind, e.points, e.meta])).toEqual([
      ['adjust', -15, { note: 'duplicate goodwill', actor: 'finance@brand.in' }],
      ['adjust', 40, { note: 'parcel arrived late', actor: 'ops@brand.in' }],
    ]);

    const unexplained = await adjust(c, {
      points: 0,
      note: ' ',
      actor: 'ops@brand.in',
      idempotencyKey: 'ex4-adj-4',
    });
    expect(unexplained.status).toBe(400);
    expect(
      ((await bodyOf(unexplained)).issues as Array<{ path: string }>).map((i) => i.path),
    ).toEqual(['points', 'note']);
  });

  it('shows ledger movements on the customer timeline', async () => {
    const res = await timelineRoute.GET(
      jsonRequest('/api/customers/ex-1/timeline', 'GET'),
      ctx({ id: 'ex-1' }),
    );
    const items = (await bodyOf(res)).items as Array<{
      kind: string;
      entryKind?: string;
      points?: number;
    }>;
    expect(items.filter((i) => i.kind === 'loyalty').map((i) => [i.entryKind, i.points])).toEqual([
      ['earn', 100],
      ['earn', 100],
      ['redeem', -150],
    ]);
  });

  it('reports the liability as JSON and CSV, which agree and reconcile', async () => {
    const url = `/api/loyalty/liability?from=${iso(-1)}&to=${iso(31)}`;
    const jsonRes = await liabilityRoute.GET(jsonRequest(url, 'GET'), ctx({}));
    expect(jsonRes.status).toBe(200);
    const report = (await bodyOf(jsonRes)).report as {
      opening: { points: number };
      closing: { points: number; valuePaise: number };
      movements: Record<string, number>;
      breakage: { rate: number; basis: string };
      deferredRevenuePaise: number;
      revenueFromExpiryPaise: number;
      reconciliation: { difference: number };
      months: Array<{ month: string; issued: number; closing: number }>;
    };
    // Members ex-1..ex-4 as of day 31: 50 + 100 + 0 + 25.
    expect(report.opening.points).toBe(0);
    expect(report.closing).toEqual({ points: 175, valuePaise: 1_750 });
    expect(report.movements).toMatchObject({
      issued: 1_040,
      earned: 1_000,
      adjustedIn: 40,
      redeemed: 800,
      expired: 50, // ex-1's first lot was used up by then; ex-2's still held 50
      adjustedOut: 15,
      reversed: 0,
    });
    expect(report.reconciliation.difference).toBe(0);
    expect(report.breakage).toEqual({
      rate: 50 / 200,
      basis: 'history',
      maturedIssued: 200,
      maturedExpired: 50,
    });

    const csvRes = await liabilityRoute.GET(
      new Request(`http://yatra.test${url}`, { headers: { accept: 'text/csv' } }),
      ctx({}),
    );
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    expect(csvRes.headers.get('content-disposition')).toContain('liability_');
    const csv = await csvRes.text();
    const byFormat = await liabilityRoute.GET(jsonRequest(`${url}&format=csv`, 'GET'), ctx({}));
    expect(await byFormat.text()).toBe(csv);

    const rows = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const statement = (item: string) => rows.find((r) => r[0] === 'statement' && r[2] === item);
    const points = (item: string) => Number(statement(item)?.[3]);
    const paise = (item: string) => Number(statement(item)?.[4]);
    expect(points('opening_outstanding')).toBe(report.opening.points);
    expect(points('closing_outstanding')).toBe(report.closing.points);
    expect(paise('closing_outstanding')).toBe(report.closing.valuePaise);
    for (const [item, key] of [
      ['issued', 'issued'],
      ['redeemed', 'redeemed'],
      ['expired', 'expired'],
      ['reversed', 'reversed'],
      ['adjusted_out', 'adjustedOut'],
    ] as const) {
      expect(points(item), item).toBe(report.movements[key]);
    }
    expect(paise('deferred_revenue')).toBe(report.deferredRevenuePaise);
    expect(paise('revenue_from_expiry')).toBe(report.revenueFromExpiryPaise);
    expect(statement('breakage_rate')?.[5]).toBe(`${report.breakage.rate} (history)`);
    const monthRows = rows.filter((r) => r[0] === 'month' && r[2] === 'closing_outstanding');
    expect(monthRows.map((r) => [r[1], Number(r[3])])).toEqual(
      report.months.map((m) => [m.month, m.closing]),
    );

    const inverted = await liabilityRoute.GET(
      jsonRequest(`/api/loyalty/liability?from=${iso(5)}&to=${iso(1)}`, 'GET'),
      ctx({}),
    );
    expect(inverted.status).toBe(400);
    expect((await bodyOf(inverted)).issues).toEqual([
      { path: 'to', message: 'to must be after from' },
    ]);
  });
});
