import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../testing/use-test-db';
import { upsertCustomer } from '../customers';
import {
  applyTierUpgrade,
  earnPoints,
  emitBirthdays,
  emitExpiryWarnings,
  emitTierDowngradeWarnings,
  enrollMember,
  getMember,
} from '.';
import { customer } from './testing';
import { delivered, tieredProgram } from './tiers-testing';

const t = useTestDb({ afterStart: ({ db }) => tieredProgram(db) });

const DAY_MS = 86_400_000;
/** 02:00 Asia/Kolkata on 2030-03-01 + n days: the nightly job's time. */
const night = (n: number) => new Date(Date.parse('2030-02-28T20:30:00Z') + n * DAY_MS);
const summary = (rows: Array<{ customerId: string; threshold: number; daysLeft: number }>) =>
  rows.map((r) => [r.customerId, r.threshold, r.daysLeft]);

describe('emitExpiryWarnings', () => {
  it('warns per member and local expiry date at 30 / 14 / 7 days, once each, catching up a missed night', async () => {
    const id = await customer(t.db, 'expiring-1');
    const lot = (key: string, points: number, expires: string, earned = night(-100)) =>
      earnPoints(t.db, {
        customerId: id,
        points,
        reason: 'order',
        idempotencyKey: key,
        occurredAt: earned,
        expiresAt: new Date(expires),
      });
    // Two lots expiring on 31 March (IST), one on 1 April (IST) at 01:00 — still 31 March in UTC.
    await lot('x-1', 100, '2030-03-31T04:30:00Z');
    await lot('x-2', 50, '2030-03-31T15:00:00Z');
    await lot('x-3', 70, '2030-03-31T19:30:00Z');

    // Night n is 1 March + n (IST): 31 March is 30 − n days away, 1 April 31 − n.
    const first = await emitExpiryWarnings(t.db, night(0));
    expect(summary(first)).toEqual([[id, 30, 30]]);
    expect(first[0]?.properties).toEqual({
      points: 150,
      expiresAt: '2030-03-31T04:30:00.000Z',
      expiryDate: '2030-03-31',
      daysLeft: 30,
      threshold: 30,
    });
    const next = await emitExpiryWarnings(t.db, night(1));
    expect(summary(next)).toEqual([[id, 30, 30]]); // the lot expiring 1 April in India
    expect(next[0]?.properties).toMatchObject({ points: 70, expiryDate: '2030-04-01' });
    expect(await emitExpiryWarnings(t.db, night(1))).toEqual([]); // idempotent
    expect(await emitExpiryWarnings(t.db, night(2))).toEqual([]);
    // Nights 16 and 17 were missed: night 18 catches up both 14-day warnings (12 and 13 days left).
    expect(summary(await emitExpiryWarnings(t.db, night(18)))).toEqual([
      [id, 14, 12],
      [id, 14, 13],
    ]);
    expect(summary(await emitExpiryWarnings(t.db, night(23)))).toEqual([[id, 7, 7]]);
    expect(summary(await emitExpiryWarnings(t.db, night(24)))).toEqual([[id, 7, 7]]);
    expect(await emitExpiryWarnings(t.db, night(29))).toEqual([]); // 1 and 2 days left: warned
  });

  it('starts at the tightest threshold for a short-lived lot and ignores expired lots', async () => {
    const id = await customer(t.db, 'expiring-2');
    await earnPoints(t.db, {
      customerId: id,
      points: 10,
      reason: 'order',
      idempotencyKey: 'y-1',
      occurredAt: night(-10),
      expiresAt: night(20),
    });
    const mine = async (at: Date) =>
      summary((await emitExpiryWarnings(t.db, at)).filter((w) => w.customerId === id));
    expect(await mine(night(6))).toEqual([[id, 14, 14]]); // earned inside 30 days: first at 14
    expect(await mine(night(21))).toEqual([]);
  });
});

describe('emitTierDowngradeWarnings', () => {
  it('warns members who, with no further activity, would drop at the period end', async () => {
    // Gold from an order on 2029-04-10: the period ends 2030-04-10, when that order leaves the window.
    const goldAt = new Date('2029-04-10T05:00:00Z');
    const falling = await customer(t.db, 'falling');
    await delivered(t.db, falling, 'f-gold', 16_000, goldAt);
    await delivered(t.db, falling, 'f-small', 6_000, new Date('2029-12-01T05:00:00Z'));
    await enrollMember(t.db, { customerId: falling, joinedAt: goldAt });
    await applyTierUpgrade(t.db, falling, goldAt);
    // Same start, but enough recent spend to keep Gold.
    const keeping = await customer(t.db, 'keeping');
    await delivered(t.db, keeping, 'kp-gold', 16_000, goldAt);
    await delivered(t.db, keeping, 'kp-recent', 15_500, new Date('2030-02-01T05:00:00Z'));
    await enrollMember(t.db, { customerId: keeping, joinedAt: goldAt });
    await applyTierUpgrade(t.db, keeping, goldAt);
    expect((await getMember(t.db, keeping))?.tier).toBe('Gold');

    // 2030-03-11 IST is 30 days before 2030-04-10.
    const at = new Date('2030-03-10T20:30:00Z');
    const warned = await emitTierDowngradeWarnings(t.db, at);
    expect(summary(warned)).toEqual([[falling, 30, 30]]);
    expect(warned[0]?.properties).toEqual({
      tier: 'Gold',
      toTier: 'Silver',
      tierPeriodEndsAt: '2030-04-10T05:00:00.000Z',
      daysLeft: 30,
      threshold: 30,
      metric: 'spend',
      qualifyingValue: 6_000,
      toKeep: 9_000,
    });
    expect(await emitTierDowngradeWarnings(t.db, at)).toEqual([]);
  });
});

describe('emitBirthdays', () => {
  it('celebrates members on their local birthday once a year; 29 February on the 28th', async () => {
    const member = async (id: string, birthday: string, timeZone = 'Asia/Kolkata') => {
      await upsertCustomer(t.db, { id, birthday, timeZone });
      await enrollMember(t.db, { customerId: id, joinedAt: new Date('2029-01-01') });
    };
    await member('bday-ist', '1990-03-15');
    await member('bday-ny', '1990-03-14', 'America/New_York'); // still the 14th there
    await member('bday-leap', '2000-02-29');
    await member('bday-bad-zone', '1985-03-15', 'Mars/Olympus'); // unknown zone: India time
    await upsertCustomer(t.db, { id: 'not-a-member', birthday: '1990-03-15' });

    const at = new Date('2030-03-14T20:30:00Z'); // 02:00 on 15 March in India, 16:30 on 14 March in New York
    expect(await emitBirthdays(t.db, at)).toEqual([
      { customerId: 'bday-bad-zone', date: '2030-03-15' },
      { customerId: 'bday-ist', date: '2030-03-15' },
      { customerId: 'bday-ny', date: '2030-03-14' },
    ]);
    expect(await emitBirthdays(t.db, new Date('2030-03-15T10:00:00Z'))).toEqual([]);
    expect(await emitBirthdays(t.db, new Date('2030-02-27T20:30:00Z'))).toEqual([
      { customerId: 'bday-leap', date: '2030-02-28' },
    ]);
    // In a leap year the 29th itself, not the 28th.
    expect(await emitBirthdays(t.db, new Date('2032-02-27T20:30:00Z'))).toEqual([]);
    expect(await emitBirthdays(t.db, new Date('2032-02-28T20:30:00Z'))).toEqual([
      { customerId: 'bday-leap', date: '2032-02-29' },
    ]);
  });
});
