import { listConsentLog, listConsents, upsertCustomer } from '@yatra/db';
import { signUnsubscribeToken, unsubscribeSecret } from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import * as consentRoute from '../../../app/api/customers/[id]/consent/route';
import * as settingsRoute from '../../../app/api/settings/sending/route';
import * as unsubscribeRoute from '../../../app/api/unsubscribe/route';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from '../test-helpers';

const t = useRouteTestDb(async ({ db }) => {
  await upsertCustomer(db, { id: 'asha', name: 'Asha', email: 'asha@example.in' });
});

const postConsent = (id: string, body: unknown) =>
  consentRoute.POST(jsonRequest(`/api/customers/${id}/consent`, 'POST', body), ctx({ id }));

describe('POST /api/customers/:id/consent', () => {
  it('grants and withdraws per channel and purpose, logging each change with source api', async () => {
    const granted = await postConsent('asha', {
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: true,
    });
    expect(granted.status).toBe(200);
    expect(await bodyOf(granted)).toMatchObject({
      changed: true,
      consents: [{ channel: 'whatsapp', purpose: 'marketing', granted: true, source: 'api' }],
    });
    const again = await postConsent('asha', {
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: true,
    });
    expect(await bodyOf(again)).toMatchObject({ changed: false });
    await postConsent('asha', {
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: false,
      note: 'asked on the phone',
    });
    const log = await listConsentLog(t.db, 'asha');
    expect(log.map((l) => [l.granted, l.source, l.detail])).toEqual([
      [false, 'api', { note: 'asked on the phone' }],
      [true, 'api', {}],
    ]);
    const read = await consentRoute.GET(
      jsonRequest('/api/customers/asha/consent', 'GET'),
      ctx({ id: 'asha' }),
    );
    expect(await bodyOf(read)).toMatchObject({ consents: [{ granted: false }], log: [{}, {}] });
  });

  it('says which field is wrong, and 404s an unknown customer', async () => {
    const bad = await postConsent('asha', { channel: 'fax', purpose: 'marketing', granted: 'yes' });
    expect(bad.status).toBe(400);
    const body = await bodyOf(bad);
    expect((body.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual([
      'channel',
      'granted',
    ]);
    const missing = await postConsent('nobody', {
      channel: 'sms',
      purpose: 'utility',
      granted: false,
    });
    expect(missing.status).toBe(404);
  });
});

describe('one-click unsubscribe', () => {
  const url = (token: string) =>
    `http://yatra.test/api/unsubscribe?token=${encodeURIComponent(token)}`;

  it('GET only asks; POST (RFC 8058 one-click) withdraws email marketing at once', async () => {
    await postConsent('asha', { channel: 'email', purpose: 'marketing', granted: true });
    const token = await signUnsubscribeToken(
      { customerId: 'asha', channel: 'email' },
      unsubscribeSecret(process.env),
    );
    const shown = await unsubscribeRoute.GET(new Request(url(token)));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Unsubscribe');
    expect(await listConsents(t.db, 'asha')).toContainEqual(
      expect.objectContaining({ channel: 'email', granted: true }),
    );
    const clicked = await unsubscribeRoute.POST(
      new Request(url(token), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
    );
    expect(clicked.status).toBe(200);
    expect(await listConsents(t.db, 'asha')).toContainEqual(
      expect.objectContaining({
        channel: 'email',
        purpose: 'marketing',
        granted: false,
        source: 'link',
      }),
    );
    const [latest] = await listConsentLog(t.db, 'asha');
    expect(latest).toMatchObject({ source: 'link', granted: false, detail: { oneClick: true } });
  });

  it('rejects a forged or missing token and changes nothing', async () => {
    const forged = await signUnsubscribeToken(
      { customerId: 'asha', channel: 'sms' },
      'not-our-secret',
    );
    const before = (await listConsentLog(t.db, 'asha')).length;
    expect((await unsubscribeRoute.POST(new Request(url(forged), { method: 'POST' }))).status).toBe(
      400,
    );
    expect(
      (await unsubscribeRoute.GET(new Request('http://yatra.test/api/unsubscribe'))).status,
    ).toBe(400);
    expect(await listConsentLog(t.db, 'asha')).toHaveLength(before);
  });
});

describe('GET/PUT /api/settings/sending', () => {
  it('reads the defaults and saves a valid change', async () => {
    const read = await bodyOf(
      await settingsRoute.GET(jsonRequest('/api/settings/sending', 'GET'), ctx({})),
    );
    expect(read).toMatchObject({
      frequencyCap: 3,
      frequencyWindowDays: 7,
      quietHoursStart: '21:00',
      quietHoursEnd: '09:00',
    });
    const saved = await settingsRoute.PUT(
      jsonRequest('/api/settings/sending', 'PUT', {
        frequencyCap: 2,
        frequencyWindowDays: 14,
        quietHoursStart: '22:30',
        quietHoursEnd: '08:00',
      }),
      ctx({}),
    );
    expect(saved.status).toBe(200);
    expect(await bodyOf(saved)).toMatchObject({ frequencyCap: 2, quietHoursStart: '22:30' });
  });

  it('rejects bad values with their paths and keeps the saved settings', async () => {
    const bad = await settingsRoute.PUT(
      jsonRequest('/api/settings/sending', 'PUT', {
        frequencyCap: -1,
        frequencyWindowDays: 7,
        quietHoursStart: '25:00',
        quietHoursEnd: '9am',
      }),
      ctx({}),
    );
    expect(bad.status).toBe(400);
    const issues = (await bodyOf(bad)).issues as Array<{ path: string }>;
    expect(issues.map((i) => i.path).sort()).toEqual([
      'frequencyCap',
      'quietHoursEnd',
      'quietHoursStart',
    ]);
    const read = await bodyOf(
      await settingsRoute.GET(jsonRequest('/api/settings/sending', 'GET'), ctx({})),
    );
    expect(read).toMatchObject({ frequencyCap: 2 });
  });
});
