import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyTierUpgrade,
  earnPoints,
  enrollMember,
  getMember,
  listEntries,
  listEvents,
  upsertCustomer,
  type EventRow,
} from '@yatra/db';
import { orderThrough, tieredProgram } from '@yatra/db/queries/loyalty/tiers-testing';
import type { LoyaltyNightlySummary } from '@yatra/workflows';
import { createJourneyTestEnv, type JourneyTestEnv } from '../testing/journey-test-env';
import { nextNightlyRun, runNightAt } from '../testing/nightly-driver';

// The nightly loyalty job on Temporal's time-skipping server against real PostgreSQL: one run per
// virtual day at 02:00 Asia/Kolkata for 40 days, as the `loyalty-nightly` schedule starts it.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const IST_MS = 330 * 60_000;
/** Day number of an instant's calendar date in Asia/Kolkata. */
const kolkataDay = (ms: number) => Math.floor((ms + IST_MS) / DAY_MS);
const kolkataDate = (ms: number) => new Date(ms + IST_MS).toISOString().slice(0, 10);

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('loyaltyNightlyWorkflow, daily for 40 virtual days', () => {
  const id = 'nightly-asha';
  let firstRun = 0;
  let lotExpiresAt = 0;
  let periodEndsAt = 0;
  const nights: LoyaltyNightlySummary[] = [];
  /** Which night (0-based) an event was emitted on. */
  const nightOf = (e: EventRow) => Math.round((e.occurredAt.getTime() - firstRun) / DAY_MS);
  const ofType = async (type: string) =>
    (await listEvents(t.db, { customerId: id, limit: 1000 }))
      .filter((e) => e.type === type)
      .reverse();

  beforeAll(async () => {
    const now = await t.now();
    firstRun = nextNightlyRun(now);
    // A lot expiring at 10:00 IST on local day 35 after the first run.
    lotExpiresAt = firstRun + 35 * DAY_MS + 8 * HOUR_MS;
    await tieredProgram(t.db);
    await upsertCustomer(t.db, {
      id,
      name: 'Asha',
      timeZone: 'Asia/Kolkata',
      birthday: `2000-${kolkataDate(firstRun + 10 * DAY_MS).slice(5)}`,
    });
    // Gold a year ago on one big order, whose 12-month period ends ~33 days after the first run:
    // by then that order has left the rolling window, so the member would drop to Bronze.
    const goldSince = new Date(firstRun + 33 * DAY_MS + 8 * HOUR_MS - 365 * DAY_MS);
    await enrollMember(t.db, { customerId: id, joinedAt: new Date(goldSince.getTime() - DAY_MS) });
    // Stored as the API stores it (no dispatch in this test: the points below are the only lot).
    await orderThrough(t.db, {
      customerId: id,
      orderId: 'nightly-gold-order',
      totalPaise: 1_600_000,
      placedAt: new Date(goldSince.getTime() - DAY_MS),
      then: [['order.delivered', goldSince]],
    });
    expect(await applyTierUpgrade(t.db, id, goldSince)).toMatchObject({ toTier: 'Gold' });
    periodEndsAt = (await getMember(t.db, id))?.tierPeriodEndsAt?.getTime() ?? 0;
    await earnPoints(t.db, {
      customerId: id,
      points: 800,
      reason: 'order',
      idempotencyKey: 'nightly-lot',
      occurredAt: new Date(now),
      expiresAt: new Date(lotExpiresAt),
    });
    for (let night = 0; night < 40; night++)
      nights.push(await runNightAt(t, firstRun + night * DAY_MS));
  }, 600_000);

  it('runs at 02:00 Asia/Kolkata with the workflow clock as its business time', () => {
    expect(nights).toHaveLength(40);
    nights.forEach((n, night) => {
      expect(n.at).toBeGreaterThanOrEqual(firstRun + night * DAY_MS);
      expect(n.at - (firstRun + night * DAY_MS)).toBeLessThan(60_000);
      expect(new Date(n.at + IST_MS).toISOString().slice(11, 16)).toBe('02:00');
    });
  });

  it('warns of expiring points exactly 30, 14 and 7 days before the lot expires', async () => {
    const warnings = await ofType('loyalty.points_expiring');
    const expiryNight = kolkataDay(lotExpiresAt) - kolkataDay(firstRun); // 35
    expect(warnings.map(nightOf)).toEqual([expiryNight - 30, expiryNight - 14, expiryNight - 7]);
    expect(warnings.map((w) => w.properties)).toEqual(
      [30, 14, 7].map((days) => ({
        points: 800,
        expiresAt: new Date(lotExpiresAt).toISOString(),
        expiryDate: kolkataDate(lotExpiresAt),
        daysLeft: days,
        threshold: days,
      })),
    );
    expect(nights.map((n) => n.expiryWarnings).filter((n) => n > 0)).toEqual([1, 1, 1]);
  });

  it('writes the expiry entry on the first night after the lot expires, for what is left', async () => {
    const expiries = (await listEntries(t.db, id)).filter((e) => e.kind === 'expire');
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ points: -800, reason: 'expiry' });
    expect(expiries[0]?.occurredAt.getTime()).toBe(lotExpiresAt);
    const nightsWithExpiry = nights.flatMap((n, night) => (n.expired.lots > 0 ? [night] : []));
    expect(nightsWithExpiry).toEqual([kolkataDay(lotExpiresAt) - kolkataDay(firstRun) + 1]);
  });

  it('warns of the downgrade 30, 14 and 7 days before the period ends, then downgrades', async () => {
    const endNight = kolkataDay(periodEndsAt) - kolkataDay(firstRun);
    const warnings = await ofType('loyalty.tier_downgrade_warning');
    expect(warnings.map(nightOf)).toEqual([endNight - 30, endNight - 14, endNight - 7]);
    expect(warnings[0]?.properties).toEqual({
      tier: 'Gold',
      toTier: 'Bronze',
      tierPeriodEndsAt: new Date(periodEndsAt).toISOString(),
      daysLeft: 30,
      threshold: 30,
      metric: 'spend',
      qualifyingValue: 0,
      toKeep: 15_000,
    });
    const changes = (await ofType('loyalty.tier_changed')).filter(
      (e) => e.properties.direction === 'downgrade',
    );
    // The first 02:00 at or after the period's end.
    const downgradeNight = Math.ceil((periodEndsAt - firstRun) / DAY_MS);
    expect(changes.map(nightOf)).toEqual([downgradeNight]);
    expect(changes[0]?.properties).toMatchObject({ from: 'Gold', to: 'Bronze' });
    expect(nights.map((n) => n.tiers.downgrades)).toEqual(
      nights.map((_, night) => (night === downgradeNight ? 1 : 0)),
    );
    expect((await getMember(t.db, id))?.tier).toBe('Bronze');
  });

  it('sends one birthday event, on the birthday in the member’s time zone', async () => {
    const birthdays = await ofType('loyalty.birthday');
    expect(birthdays.map(nightOf)).toEqual([10]);
    expect(birthdays[0]?.properties).toMatchObject({ date: kolkataDate(firstRun + 10 * DAY_MS) });
  });

  it('running an earlier night again (a retry or backfill) emits nothing new', async () => {
    const before = (await listEvents(t.db, { customerId: id, limit: 1000 })).length;
    const again = await runNightAt(t, await t.now(), { at: firstRun + 28 * DAY_MS });
    expect(again).toMatchObject({ expiryWarnings: 0, downgradeWarnings: 0, birthdays: 0 });
    expect((await listEvents(t.db, { customerId: id, limit: 1000 })).length).toBe(before);
  });
});
