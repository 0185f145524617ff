import { getCustomerTimeline, listSendDecisions, sendDecisionCounts } from '@yatra/db';
import { defineNode, localTimeAfterDays, type JourneyDocumentInput } from '@yatra/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError, type ChannelAdapter } from '../channels/channel-adapter';
import { createJourneyTestEnv, type JourneyTestEnv } from '../testing/journey-test-env';
import { createSendPipeline } from './pipeline';
import { adaptersWith, grantMarketing } from './testing';

// The send rules inside real journeys: Temporal's time-skipping server and PostgreSQL.
// One environment; virtual time only moves forward, so the tests run in order.

/** Numbers the test WhatsApp provider treats specially. */
const INVALID_NUMBER = '+919800000099'; // permanently undeliverable (131026)
const FLAKY_NUMBER = '+919800000077'; // first call accepted, answer lost

/** A WhatsApp provider that counts calls and delivers each idempotency key once. */
function testWhatsApp() {
  const calls: Array<{ key: string; recipient: string }> = [];
  const delivered = new Set<string>();
  const adapter: ChannelAdapter = {
    provider: 'test-whatsapp',
    channel: 'whatsapp',
    async send(message) {
      calls.push({ key: message.idempotencyKey, recipient: message.recipient });
      if (message.recipient === INVALID_NUMBER)
        throw new ProviderError('131026: message undeliverable', {
          retryable: false,
          code: '131026',
        });
      const first = !delivered.has(message.idempotencyKey);
      delivered.add(message.idempotencyKey);
      if (message.recipient === FLAKY_NUMBER && first)
        throw new Error('socket hang up after the provider accepted the message');
      return { providerMessageId: `wamid.${delivered.size}` };
    },
  };
  return { adapter, calls, delivered };
}

/** A node that always fails, without a failure port and without retries. */
const alwaysFails = defineNode({
  type: 'test.always_fails',
  version: 1,
  title: 'Always fails',
  category: 'custom',
  icon: '💥',
  description: 'Fails every time (tests).',
  kind: 'action',
  ports: ['next'],
  config: z.object({}),
  example: {},
  async run() {
    throw new Error('the printer is on fire');
  },
  retry: { maximumAttempts: 1 },
});

type Config = Record<string, unknown>;
/** trigger(`event`) → steps in a line → exit. Steps: [id, type, config]. */
function line(event: string, steps: Array<[string, string, Config]>): JourneyDocumentInput {
  const ids = ['start', ...steps.map(([id]) => id), 'end'];
  return {
    name: event,
    nodes: [
      { id: 'start', type: 'trigger.event', config: { event } },
      ...steps.map(([id, type, config]) => ({ id, type, config })),
      { id: 'end', type: 'flow.exit', config: { reason: 'done' } },
    ],
    edges: ids.slice(1).map((target, i) => ({ source: ids[i] ?? 'start', target })),
  };
}
const promo = (templateId: string): Config => ({ templateId, category: 'marketing' });
const wait = (amount: number, unit: 'hours' | 'days'): Config => ({
  mode: 'duration',
  duration: { amount, unit },
});

let t: JourneyTestEnv;
const whatsapp = testWhatsApp();
let customerCount = 0;

beforeAll(async () => {
  t = await createJourneyTestEnv({
    startAt: { time: '10:00' },
    nodes: [alwaysFails],
    channels: (db) =>
      createSendPipeline({ db, adapters: adaptersWith({ whatsapp: whatsapp.adapter }) }),
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

/**
 * A new customer (created by a first event carrying the profile, as shops send it) who has
 * granted WhatsApp marketing, then the event that starts the test's journey.
 */
async function enter(event: string, phone = '+919800000001'): Promise<string> {
  const customerId = `${event.replace('test.', '')}-${++customerCount}`;
  const customer = { name: 'Asha', phone, timeZone: 'Asia/Kolkata' };
  await t.send({ type: 'customer.registered', customerId, properties: { customer } });
  await grantMarketing(t.db, customerId);
  await t.send({ type: event, customerId, properties: {} });
  return customerId;
}

const outbox = async (customerId: string) =>
  (await t.messages(customerId)).map((m) => [m.templateId, m.channel, m.status]);

/** The next instant that is `hhmm` in India, at least a minute from the virtual now. */
async function nextIst(hhmm: string): Promise<number> {
  const now = (await t.now()) + 60_000;
  const today = localTimeAfterDays(now, 0, hhmm, 'Asia/Kolkata');
  return today > now ? today : localTimeAfterDays(now, 1, hhmm, 'Asia/Kolkata');
}

describe('send rules in journeys (time-skipping Temporal + PostgreSQL)', () => {
  it('a consent withdrawn mid-journey stops the next send, and says why', async () => {
    await t.publish(
      line('test.consent', [
        ['first', 'message.send', promo('welcome_offer')],
        ['pause', 'flow.wait', wait(1, 'days')],
        ['second', 'message.send', promo('second_offer')],
      ]),
    );
    const id = await enter('test.consent');
    expect(await outbox(id)).toEqual([['welcome_offer', 'whatsapp', 'sent']]);
    // The customer replies STOP on WhatsApp: the dispatcher withdraws marketing at once.
    await t.send({
      type: 'message.received',
      customerId: id,
      properties: { channel: 'whatsapp', text: 'STOP' },
    });
    await t.finishAll();
    expect(await outbox(id)).toEqual([['welcome_offer', 'whatsapp', 'sent']]);
    expect(await listSendDecisions(t.db, { customerId: id })).toMatchObject([
      {
        nodeId: 'second',
        decision: 'skipped',
        rule: 'consent',
        reason: 'opted out of marketing on whatsapp (reply)',
      },
    ]);
    const [run] = await t.runs(id);
    expect(run).toMatchObject({ status: 'completed', exitReason: 'done' });
    const steps = await t.steps(run?.id ?? '');
    const second = steps.find((s) => s.nodeId === 'second' && s.port === 'next');
    expect(second?.detail).toMatchObject({ output: { status: 'skipped', rule: 'consent' } });
    // The customer timeline shows the stop with its reason, after the step that led to it.
    const { items } = await getCustomerTimeline(t.db, id);
    expect(items.filter((i) => i.kind === 'send.decision')).toMatchObject([
      { nodeId: 'second', decision: 'skipped', rule: 'consent', templateId: 'second_offer' },
    ]);
  });

  it('a marketing send at 23:00 local waits until 09:00, then sends once', async () => {
    await t.publish(line('test.night', [['promo', 'message.send', promo('night_offer')]]));
    const at23 = await nextIst('23:00');
    await t.sleepUntil(at23);
    const id = await enter('test.night');
    expect(await outbox(id)).toEqual([]);
    const nine = localTimeAfterDays(at23, 1, '09:00', 'Asia/Kolkata');
    expect(await listSendDecisions(t.db, { customerId: id })).toMatchObject([
      { decision: 'deferred', rule: 'quiet_hours', until: new Date(nine) },
    ]);
    await t.finishAll();
    const messages = await t.messages(id);
    expect(messages.map((m) => [m.templateId, m.status])).toEqual([['night_offer', 'sent']]);
    expect(messages[0]?.createdAt.getTime()).toBeGreaterThanOrEqual(nine);
    expect(messages[0]?.createdAt.getTime()).toBeLessThan(nine + 60_000);
    const keys = whatsapp.calls.filter((c) => c.key.startsWith(messages[0]?.runId ?? '-'));
    expect(keys).toHaveLength(1);
    const [run] = await t.runs(id);
    expect(run).toMatchObject({ status: 'completed', exitReason: 'done' });
  });

  it('the cap skips the 4th marketing message in a week across two journeys, saying why', async () => {
    await t.publish(
      line('test.cap', [
        ['a1', 'message.send', promo('a1')],
        ['a_wait', 'flow.wait', wait(1, 'days')],
        ['a2', 'message.send', promo('a2')],
      ]),
    );
    const second = await t.publish(
      line('test.cap', [
        ['b_wait', 'flow.wait', wait(2, 'hours')],
        ['b1', 'message.send', promo('b1')],
        ['b_wait2', 'flow.wait', wait(1, 'days')],
        ['b2', 'message.send', promo('b2')],
      ]),
    );
    await t.sleepUntil(await nextIst('10:00'));
    const id = await enter('test.cap');
    await t.finishAll();
    expect((await outbox(id)).map(([template]) => template)).toEqual(['a1', 'b1', 'a2']);
    expect(await listSendDecisions(t.db, { customerId: id })).toMatchObject([
      {
        nodeId: 'b2',
        decision: 'skipped',
        rule: 'frequency_cap',
        reason: '3 marketing messages in 7 days (cap 3)',
      },
    ]);
    // Node analytics count it per rule.
    expect(await sendDecisionCounts(t.db, [second.versionId])).toEqual([
      { nodeId: 'b2', decision: 'skipped', rule: 'frequency_cap', runs: 1 },
    ]);
  });

  it('a permanent WhatsApp failure falls back to SMS', async () => {
    await t.publish(
      line('test.fallback', [
        ['update', 'message.send', { templateId: 'order_update', fallback: ['sms'] }],
      ]),
    );
    const id = await enter('test.fallback', INVALID_NUMBER);
    await t.finishAll();
    const messages = await t.messages(id);
    expect(messages.map((m) => [m.channel, m.status, m.errorCode])).toEqual([
      ['whatsapp', 'failed', '131026'],
      ['sms', 'sent', null],
    ]);
    expect(messages[1]?.fallbackOf).toBe(messages[0]?.id);
    const [run] = await t.runs(id);
    const step = (await t.steps(run?.id ?? '')).find((s) => s.nodeId === 'update' && s.port);
    expect(step?.detail).toMatchObject({ output: { status: 'sent', channel: 'sms' } });
  });

  it('a retried send activity sends once', async () => {
    await t.publish(
      line('test.retry', [['update', 'message.send', { templateId: 'order_update' }]]),
    );
    const id = await enter('test.retry', FLAKY_NUMBER);
    await t.finishAll();
    const messages = await t.messages(id);
    expect(messages.map((m) => [m.templateId, m.status])).toEqual([['order_update', 'sent']]);
    // Two calls (the first answer was lost), one key, one message delivered.
    const calls = whatsapp.calls.filter((c) => c.recipient === FLAKY_NUMBER);
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => c.key)).size).toBe(1);
    expect([...whatsapp.delivered].filter((k) => k === calls[0]?.key)).toHaveLength(1);
  });

  it('a step that fails for good without a failure port finishes the run as failed, with why', async () => {
    await t.publish(line('test.fails', [['boom', 'test.always_fails', {}]]));
    const id = await enter('test.fails');
    const deadline = Date.now() + 30_000;
    let [run] = await t.runs(id);
    while (run?.status === 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      [run] = await t.runs(id);
    }
    expect(run).toMatchObject({ status: 'failed', exitReason: 'failed' });
    expect(run?.exitedAt).toBeInstanceOf(Date);
    const steps = await t.steps(run?.id ?? '');
    expect(steps.at(-1)).toMatchObject({
      nodeId: 'boom',
      port: null,
      detail: { exit: 'failed', error: 'the printer is on fire' },
    });
    const result = t.client.workflow.getHandle(run?.workflowId ?? '').result();
    await expect(result).rejects.toThrow();
  });
});
