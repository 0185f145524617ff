import {
  getMessageByKey,
  listConsentLog,
  listConsents,
  listMessages,
  listSendDecisions,
  recordInbound,
  setConsent,
  updateSendSettings,
  upsertCustomer,
  upsertTemplate,
} from '@yatra/db';
import { useTestDb } from '@yatra/db/testing/use-test-db';
import {
  DAY_MS,
  verifyUnsubscribeToken,
  type CustomerSnapshot,
  type OutboundMessage,
} from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import { createSendPipeline } from './pipeline';
import {
  adaptersWith,
  grantMarketing as grantTestMarketing,
  scriptedAdapter,
  stepScope,
  testCustomer,
} from './testing';
import type { ChannelAdapters } from '../channels/adapters';
import type { StepChannelScope } from '../channels/channel-provider';

// The send pipeline on a real PostgreSQL: rules → decisions → template → exactly-once delivery →
// fallback. Providers are scripted test adapters that count calls and dedupe on the key.

const t = useTestDb();

const DAY_10_IST = new Date('2026-02-02T04:30:00Z'); // 10:00 IST
const AT_23_IST = new Date('2026-02-02T17:30:00Z');
let customerCount = 0;

/** A customer row (consents reference it) and its snapshot. */
async function newCustomer(extra: Partial<CustomerSnapshot> = {}): Promise<CustomerSnapshot> {
  const snapshot = testCustomer(`cust-${++customerCount}`, extra);
  await upsertCustomer(t.db, {
    id: snapshot.id,
    phone: snapshot.phone,
    email: snapshot.email,
    attributes: snapshot.attributes,
  });
  return snapshot;
}

const grantMarketing = (customerId: string, channel?: string) =>
  grantTestMarketing(t.db, customerId, channel);

const utility = (extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  channel: 'whatsapp',
  templateId: 'order_update',
  category: 'utility',
  variables: { name: 'Asha' },
  ...extra,
});
const marketing = (extra: Partial<OutboundMessage> = {}) =>
  utility({ templateId: 'promo', category: 'marketing', ...extra });

function send(adapters: ChannelAdapters, scope: StepChannelScope, message: OutboundMessage) {
  return createSendPipeline({ db: t.db, adapters }).forStep(scope).send(message);
}

describe('exactly once', () => {
  it('writes the row queued before the provider call and returns it on a retry without calling again', async () => {
    const c = await newCustomer();
    const provider = scriptedAdapter('whatsapp');
    let statusDuringCall: string | undefined;
    const spying = adaptersWith({
      whatsapp: {
        ...provider.adapter,
        async send(message) {
          statusDuringCall = (await getMessageByKey(t.db, message.idempotencyKey))?.status;
          return provider.adapter.send(message);
        },
      },
    });
    const scope = stepScope(c, DAY_10_IST);
    const first = await send(spying, scope, utility());
    const retry = await send(spying, scope, utility());
    expect(statusDuringCall).toBe('queued');
    expect(first).toMatchObject({ status: 'sent', channel: 'whatsapp', created: true });
    expect(retry).toMatchObject({ status: 'sent', messageId: first.messageId, created: false });
    expect(provider.calls).toHaveLength(1);
    const row = await getMessageByKey(t.db, `${scope.idempotencyKey}:whatsapp`);
    expect(row).toMatchObject({
      status: 'sent',
      provider: 'test-whatsapp',
      providerMessageId: 'whatsapp-1',
      body: '[order_update] name=Asha',
      recipient: '+919800000001',
    });
  });

  it('re-sends a row left queued with the same idempotency key, so the provider delivers once', async () => {
    const c = await newCustomer();
    const provider = scriptedAdapter('whatsapp', ['accept-then-lose-answer', 'accept']);
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const scope = stepScope(c, DAY_10_IST);
    await expect(send(adapters, scope, utility())).rejects.toThrow(/connection reset/);
    expect((await getMessageByKey(t.db, `${scope.idempotencyKey}:whatsapp`))?.status).toBe(
      'queued',
    );
    const retried = await send(adapters, scope, utility());
    expect(retried).toMatchObject({ status: 'sent', created: true });
    expect(provider.calls.map((m) => m.idempotencyKey)).toEqual([
      `${scope.idempotencyKey}:whatsapp`,
      `${scope.idempotencyKey}:whatsapp`,
    ]);
    expect(provider.delivered.size).toBe(1);
  });

  it('throws on a retryable provider error (the activity retries) and keeps the row queued', async () => {
    const c = await newCustomer();
    const provider = scriptedAdapter('sms', [{ fail: 'retryable', code: 'http_503' }, 'accept']);
    const adapters = adaptersWith({ sms: provider.adapter });
    const scope = stepScope(c, DAY_10_IST);
    await expect(send(adapters, scope, utility({ channel: 'sms' }))).rejects.toThrow(/http_503/);
    await expect(send(adapters, scope, utility({ channel: 'sms' }))).resolves.toMatchObject({
      status: 'sent',
    });
    expect(provider.calls).toHaveLength(2);
    expect(await listMessages(t.db, { customerId: c.id })).toHaveLength(1);
  });
});

describe('consent', () => {
  it('skips marketing without a grant, records why once, and never calls the provider', async () => {
    const c = await newCustomer();
    const provider = scriptedAdapter('whatsapp');
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const scope = stepScope(c, DAY_10_IST);
    const result = await send(adapters, scope, marketing());
    await send(adapters, scope, marketing()); // a retried activity
    expect(result).toEqual({
      status: 'skipped',
      channel: 'whatsapp',
      messageId: null,
      created: false,
      rule: 'consent',
      reason: 'no marketing consent on whatsapp',
    });
    expect(provider.calls).toHaveLength(0);
    expect(await listMessages(t.db, { customerId: c.id })).toEqual([]);
    const decisions = await listSendDecisions(t.db, { customerId: c.id });
    expect(decisions).toMatchObject([
      {
        decision: 'skipped',
        rule: 'consent',
        nodeId: 'send',
        templateId: 'promo',
        category: 'marketing',
      },
    ]);
  });

  it('honours a withdrawal at the very next send, and logs both changes', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    const adapters = adaptersWith();
    expect(await send(adapters, stepScope(c, DAY_10_IST), marketing())).toMatchObject({
      status: 'sent',
    });
    await setConsent(t.db, {
      customerId: c.id,
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: false,
      source: 'api',
      at: DAY_10_IST,
    });
    expect(await send(adapters, stepScope(c, DAY_10_IST), marketing())).toMatchObject({
      status: 'skipped',
      rule: 'consent',
      reason: 'opted out of marketing on whatsapp (api)',
    });
    // Utility messages still go: withdrawing marketing is not an opt-out of order updates.
    expect(await send(adapters, stepScope(c, DAY_10_IST), utility())).toMatchObject({
      status: 'sent',
    });
    expect((await listConsentLog(t.db, c.id)).map((l) => l.granted)).toEqual([false, true]);
  });
});

describe('frequency cap', () => {
  it('skips the 4th marketing message in 7 days across journeys, not counting failed ones', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    await grantMarketing(c.id, 'sms');
    const journeys = [crypto.randomUUID(), crypto.randomUUID()];
    const adapters = adaptersWith({
      sms: scriptedAdapter('sms', [{ fail: 'permanent', code: 'invalid_number' }]).adapter,
    });
    const at = (day: number) => new Date(DAY_10_IST.getTime() + day * DAY_MS);
    const results = [];
    for (const [i, day] of [0, 1, 2, 3].entries()) {
      const scope = stepScope(c, at(day), { journeyId: journeys[i % 2] });
      results.push(await send(adapters, scope, marketing()));
      // A marketing SMS that fails on day 0 takes no slot.
      if (day === 0)
        expect(
          await send(adapters, stepScope(c, at(0.1)), marketing({ channel: 'sms' })),
        ).toMatchObject({ status: 'failed' });
    }
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'skipped']);
    expect(results[3]).toMatchObject({
      rule: 'frequency_cap',
      reason: '3 marketing messages in 7 days (cap 3)',
    });
    // A week after the first, a slot is free again.
    expect(await send(adapters, stepScope(c, at(7.1)), marketing())).toMatchObject({
      status: 'sent',
    });
  });

  it('lets low-priority journeys stop one earlier and follows the configured cap', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    const adapters = adaptersWith();
    await send(adapters, stepScope(c, DAY_10_IST), marketing());
    await send(adapters, stepScope(c, DAY_10_IST), marketing());
    expect(
      await send(adapters, stepScope(c, DAY_10_IST), marketing({ priority: 'low' })),
    ).toMatchObject({
      status: 'skipped',
      reason: '2 marketing messages in 7 days (low-priority cap 2)',
    });
    expect(await send(adapters, stepScope(c, DAY_10_IST), marketing())).toMatchObject({
      status: 'sent',
    });
  });

  it('never lets concurrent journeys overshoot the cap', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    const adapters = adaptersWith();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => send(adapters, stepScope(c, DAY_10_IST), marketing())),
    );
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(3);
    expect(results.filter((r) => r.rule === 'frequency_cap')).toHaveLength(3);
  });
});

describe('quiet hours', () => {
  it('defers marketing at 23:00 local to 09:00 and sends when re-run then', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    const provider = scriptedAdapter('whatsapp');
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const night = stepScope(c, AT_23_IST);
    const deferred = await send(adapters, night, marketing());
    expect(deferred).toMatchObject({
      status: 'deferred',
      rule: 'quiet_hours',
      retryAt: Date.parse('2026-02-03T03:30:00Z'),
    });
    expect(provider.calls).toHaveLength(0);
    const morning = { ...night, at: new Date('2026-02-03T03:30:00Z') };
    expect(await send(adapters, morning, marketing())).toMatchObject({ status: 'sent' });
    expect(provider.calls).toHaveLength(1);
    expect(await listSendDecisions(t.db, { customerId: c.id })).toMatchObject([
      { decision: 'deferred', rule: 'quiet_hours', until: new Date('2026-02-03T03:30:00Z') },
    ]);
  });

  it('reads quiet hours from the settings', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    await updateSendSettings(t.db, {
      frequencyCap: 3,
      frequencyWindowDays: 7,
      quietHoursStart: '23:30',
      quietHoursEnd: '07:00',
    });
    try {
      expect(await send(adaptersWith(), stepScope(c, AT_23_IST), marketing())).toMatchObject({
        status: 'sent',
      });
    } finally {
      await updateSendSettings(t.db, {
        frequencyCap: 3,
        frequencyWindowDays: 7,
        quietHoursStart: '21:00',
        quietHoursEnd: '09:00',
      });
    }
  });
});

describe('provider failures and fallback', () => {
  it('falls back from WhatsApp to SMS on terminal undeliverability, once, recording both', async () => {
    const c = await newCustomer();
    const whatsapp = scriptedAdapter('whatsapp', [{ fail: 'permanent', code: '131026' }]);
    const sms = scriptedAdapter('sms');
    const adapters = adaptersWith({ whatsapp: whatsapp.adapter, sms: sms.adapter });
    const scope = stepScope(c, DAY_10_IST);
    const result = await send(adapters, scope, utility({ fallback: ['sms'] }));
    const retry = await send(adapters, scope, utility({ fallback: ['sms'] }));
    expect(result).toMatchObject({ status: 'sent', channel: 'sms', created: true });
    expect(retry).toMatchObject({ status: 'sent', channel: 'sms', messageId: result.messageId });
    expect(whatsapp.calls).toHaveLength(1);
    expect(sms.calls).toHaveLength(1);
    const failed = await getMessageByKey(t.db, `${scope.idempotencyKey}:whatsapp`);
    expect(failed).toMatchObject({ status: 'failed', errorCode: '131026' });
    expect(await getMessageByKey(t.db, `${scope.idempotencyKey}:sms`)).toMatchObject({
      status: 'sent',
      fallbackOf: failed?.id,
    });
    // Both decided at the step's time; which row sorts first is not defined.
    const decisions = await listSendDecisions(t.db, { customerId: c.id });
    expect(decisions.map((d) => [d.channel, d.decision, d.rule]).sort()).toEqual([
      ['sms', 'fallback', 'provider'],
      ['whatsapp', 'failed', 'provider'],
    ]);
  });

  it('does not fall back to a channel without consent', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id, 'whatsapp');
    const sms = scriptedAdapter('sms');
    const adapters = adaptersWith({
      whatsapp: scriptedAdapter('whatsapp', [{ fail: 'permanent', code: '131026' }]).adapter,
      sms: sms.adapter,
    });
    const result = await send(adapters, stepScope(c, DAY_10_IST), marketing({ fallback: ['sms'] }));
    expect(result).toMatchObject({ status: 'failed', channel: 'whatsapp', rule: 'provider' });
    expect(sms.calls).toHaveLength(0);
  });

  it('treats WhatsApp 131050 as an opt-out: withdraws consent, never falls back', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id, 'whatsapp');
    await grantMarketing(c.id, 'sms');
    const sms = scriptedAdapter('sms');
    const adapters = adaptersWith({
      whatsapp: scriptedAdapter('whatsapp', [{ fail: 'permanent', code: '131050' }]).adapter,
      sms: sms.adapter,
    });
    const result = await send(adapters, stepScope(c, DAY_10_IST), marketing({ fallback: ['sms'] }));
    expect(result).toMatchObject({ status: 'skipped', rule: 'consent' });
    expect(sms.calls).toHaveLength(0);
    expect(await listConsents(t.db, c.id)).toContainEqual(
      expect.objectContaining({
        channel: 'whatsapp',
        purpose: 'marketing',
        granted: false,
        source: 'provider',
      }),
    );
  });

  it('waits 24 h on WhatsApp 131049, tries once more, and never loops', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id, 'whatsapp');
    await grantMarketing(c.id, 'sms');
    const limited = { fail: 'permanent', code: '131049' } as const;
    const whatsapp = scriptedAdapter('whatsapp', [limited]);
    const sms = scriptedAdapter('sms');
    const adapters = adaptersWith({ whatsapp: whatsapp.adapter, sms: sms.adapter });
    const scope = stepScope(c, DAY_10_IST);
    const message = marketing({ fallback: ['sms'] });
    const first = await send(adapters, scope, message);
    const tomorrow = DAY_10_IST.getTime() + DAY_MS;
    expect(first).toMatchObject({
      status: 'deferred',
      rule: 'whatsapp_marketing_limit',
      retryAt: tomorrow,
    });
    // A retry before the 24 h are up answers the same deferral without calling WhatsApp.
    expect(await send(adapters, scope, message)).toMatchObject({
      status: 'deferred',
      retryAt: tomorrow,
    });
    expect(whatsapp.calls).toHaveLength(1);
    const again = await send(adapters, { ...scope, at: new Date(tomorrow) }, message);
    expect(again).toMatchObject({ status: 'skipped', rule: 'whatsapp_marketing_limit' });
    expect(whatsapp.calls.map((m) => m.idempotencyKey)).toEqual([
      `${scope.idempotencyKey}:whatsapp`,
      `${scope.idempotencyKey}:whatsapp:after-limit`,
    ]);
    expect(sms.calls).toHaveLength(0);
    // The same step run again later still does not loop.
    await send(adapters, { ...scope, at: new Date(tomorrow + DAY_MS) }, message);
    expect(whatsapp.calls).toHaveLength(2);
  });

  it('sends the second try after 131049 when WhatsApp accepts it', async () => {
    const c = await newCustomer();
    await grantMarketing(c.id);
    const whatsapp = scriptedAdapter('whatsapp', [{ fail: 'permanent', code: '131049' }, 'accept']);
    const adapters = adaptersWith({ whatsapp: whatsapp.adapter });
    const scope = stepScope(c, DAY_10_IST);
    await send(adapters, scope, marketing());
    const later = await send(
      adapters,
      { ...scope, at: new Date(DAY_10_IST.getTime() + DAY_MS) },
      marketing(),
    );
    expect(later).toMatchObject({ status: 'sent', channel: 'whatsapp', created: true });
  });

  it('a real provider without an address is undeliverable and falls back', async () => {
    const c = await newCustomer({ phone: null });
    const adapters = adaptersWith({ whatsapp: scriptedAdapter('whatsapp').adapter });
    const result = await send(adapters, stepScope(c, DAY_10_IST), utility({ fallback: ['email'] }));
    expect(result).toMatchObject({ status: 'sent', channel: 'email' });
    const decisions = await listSendDecisions(t.db, { customerId: c.id });
    expect(decisions.map((d) => [d.channel, d.decision, d.rule]).sort()).toEqual([
      ['email', 'fallback', 'provider'],
      ['whatsapp', 'failed', 'no_recipient'],
    ]);
  });
});

describe('content', () => {
  it("uses the registered template in the customer's language, and its stricter category", async () => {
    const c = await newCustomer({ language: 'hi-IN' });
    await upsertTemplate(t.db, {
      id: 'tier_up',
      name: 'Tier up',
      channel: 'whatsapp',
      category: 'marketing',
      defaultLanguage: 'en',
      variables: ['name', 'tier'],
      variants: [
        variant('en', 'Hi {{name}}, you are {{tier}} now'),
        variant('hi', 'नमस्ते {{name}}, अब आप {{tier}} हैं'),
      ],
    });
    const provider = scriptedAdapter('whatsapp');
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const message = utility({ templateId: 'tier_up', variables: { name: 'आशा', tier: 'Gold' } });
    // Registered as marketing: the consent rule applies although the node said utility.
    expect(await send(adapters, stepScope(c, DAY_10_IST), message)).toMatchObject({
      status: 'skipped',
      rule: 'consent',
    });
    await grantMarketing(c.id);
    expect(await send(adapters, stepScope(c, DAY_10_IST), message)).toMatchObject({
      status: 'sent',
    });
    expect(provider.calls[0]).toMatchObject({
      templateName: 'tier_up_provider',
      language: 'hi',
      parameters: ['आशा', 'Gold'],
      body: 'नमस्ते आशा, अब आप Gold हैं',
      category: 'marketing',
    });
  });

  it("sends the customer's own rendered video as the header, and only body variables as parameters", async () => {
    const c = await newCustomer();
    await upsertTemplate(t.db, {
      id: 'order_video_test',
      name: 'Order video',
      channel: 'whatsapp',
      category: 'utility',
      defaultLanguage: 'en',
      variables: ['name', 'video'],
      variants: [
        {
          ...variant('en', 'Hi {{name}}, a video about your order'),
          headerMedia: { kind: 'video' as const, url: 'https://media.example/sample.mp4' },
        },
      ],
    });
    const provider = scriptedAdapter('whatsapp');
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const own = 'https://yatra.example/api/media/abc123.mp4';
    await send(
      adapters,
      stepScope(c, DAY_10_IST),
      utility({ templateId: 'order_video_test', variables: { name: 'Asha', video: own } }),
    );
    await send(
      adapters,
      stepScope(c, DAY_10_IST),
      utility({ templateId: 'order_video_test', variables: { name: 'Asha' } }),
    );
    expect(provider.calls.map((m) => [m.parameters, m.media])).toEqual([
      [['Asha'], { kind: 'video', url: own }],
      [['Asha'], { kind: 'video', url: 'https://media.example/sample.mp4' }],
    ]);
  });

  it('sends WhatsApp free-form text only inside the 24-hour window', async () => {
    const c = await newCustomer();
    const provider = scriptedAdapter('whatsapp');
    const adapters = adaptersWith({ whatsapp: provider.adapter });
    const message = utility({ freeForm: 'Your parcel is at the door' });
    await send(adapters, stepScope(c, DAY_10_IST), message);
    await recordInbound(t.db, { customerId: c.id, channel: 'whatsapp', at: DAY_10_IST });
    await send(adapters, stepScope(c, new Date(DAY_10_IST.getTime() + 3_600_000)), message);
    expect(provider.calls.map((m) => [m.freeForm ?? false, m.body])).toEqual([
      [false, '[order_update] name=Asha'],
      [true, 'Your parcel is at the door'],
    ]);
  });

  it('gives emails a signed one-click unsubscribe link', async () => {
    const c = await newCustomer();
    const email = scriptedAdapter('email');
    const pipeline = createSendPipeline({
      db: t.db,
      adapters: adaptersWith({ email: email.adapter }),
      unsubscribe: { secret: 's3cret', baseUrl: 'https://shop.example' },
    });
    await pipeline.forStep(stepScope(c, DAY_10_IST)).send(utility({ channel: 'email' }));
    const url = new URL(email.calls[0]?.unsubscribeUrl ?? '');
    expect(url.origin + url.pathname).toBe('https://shop.example/api/unsubscribe');
    expect(await verifyUnsubscribeToken(url.searchParams.get('token') ?? '', 's3cret')).toEqual({
      customerId: c.id,
      channel: 'email',
    });
  });
});

function variant(language: string, body: string) {
  return {
    language,
    body,
    subject: null,
    headerMedia: null,
    providerTemplateName: 'tier_up_provider',
    dltTemplateId: null,
  };
}
