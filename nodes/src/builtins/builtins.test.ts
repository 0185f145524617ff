import { describe, it, expect } from 'vitest';
import type { ControlEnv, NodeDefinition, OutboundMessage } from '../contract/define-node';
import { DAY_MS, HOUR_MS } from '../contract/durations';
import type { RunFacts } from '../contract/facts';
import { percentBucket } from '../contract/hash';
import { createNodeContext } from '../engine/node-context';
import type { RunState } from '../engine/state';
import cohortSplit from './audience/cohort-split.node.ts';
import condition from './flow/condition.node.ts';
import exit from './flow/exit.node.ts';
import waitForEvent from './flow/wait-for-event.node.ts';
import wait from './flow/wait.node.ts';
import send from './message/send.node.ts';
import eventTrigger from './trigger/event-trigger.node.ts';

const T0 = Date.parse('2026-01-01T20:00:00.000Z'); // Jan 2 01:30 IST

function facts(overrides: Partial<RunFacts> = {}): RunFacts {
  return {
    customer: {
      id: 'c1',
      name: 'Asha',
      language: 'hi',
      timeZone: 'Asia/Kolkata',
      attributes: { tier: 'gold' },
    },
    trigger: {
      type: 'order.placed',
      customerId: 'c1',
      occurredAt: new Date(T0).toISOString(),
      properties: { orderId: 'o1' },
    },
    order: { id: 'o1', status: 'placed', paymentMethod: 'cod', total: 90_000 },
    event: null,
    eventCounts: { 'order.placed': 1 },
    outputs: {},
    journey: { id: 'j1', versionId: 'v1', runId: 'r1', daysSinceEntry: 0 },
    ...overrides,
  };
}

const env = (overrides: Partial<ControlEnv> = {}): ControlEnv => ({
  nodeId: 'n1',
  now: T0,
  enteredAt: T0,
  windowEndsAt: T0 + 45 * DAY_MS,
  facts: facts(),
  ...overrides,
});

/** Parses the config with the node's own schema, then evaluates, as the engine does. */
function evaluate(def: NodeDefinition, config: unknown, e: ControlEnv = env()) {
  if (!def.evaluate) throw new Error(`${def.type} has no evaluate`);
  return def.evaluate(def.config.parse(config), e);
}

describe('trigger.event', () => {
  it('moves on at once and defaults its filters', () => {
    expect(evaluate(eventTrigger, { event: 'order.placed' })).toEqual({ port: 'next' });
    expect(eventTrigger.config.parse({ event: 'order.placed' })).toEqual({
      event: 'order.placed',
      filters: [],
    });
    expect(eventTrigger.config.safeParse({ event: '' }).success).toBe(false);
  });
});

describe('flow.condition', () => {
  const cod = { field: 'order.paymentMethod', op: 'eq', value: 'cod' };
  const big = { field: 'order.total', op: 'gte', value: 100_000 };

  it('goes yes when all rules hold, no otherwise', () => {
    expect(evaluate(condition, { rules: [cod] })).toEqual({ port: 'yes' });
    expect(evaluate(condition, { rules: [cod, big] })).toEqual({ port: 'no' });
  });

  it('with match any, one rule is enough', () => {
    expect(evaluate(condition, { match: 'any', rules: [cod, big] })).toEqual({ port: 'yes' });
  });

  it('needs at least one rule', () => {
    expect(condition.config.safeParse({ rules: [] }).success).toBe(false);
  });
});

describe('flow.exit', () => {
  it('exits with its reason, completed by default', () => {
    expect(evaluate(exit, {})).toEqual({ exit: 'completed' });
    expect(evaluate(exit, { reason: 'not_delivered' })).toEqual({ exit: 'not_delivered' });
  });
});

describe('flow.wait', () => {
  it('duration: waits from now', () => {
    const later = env({ now: T0 + 5 * HOUR_MS });
    expect(
      evaluate(wait, { mode: 'duration', duration: { amount: 2, unit: 'hours' } }, later),
    ).toEqual({
      wait: { until: T0 + 7 * HOUR_MS, onTimeout: 'next' },
    });
  });

  it("until: N calendar days after the day of entry, at HH:MM in the customer's zone", () => {
    const outcome = evaluate(
      wait,
      { mode: 'until', daysAfterEntry: 2, at: '10:00' },
      env({ now: T0 + DAY_MS }),
    );
    expect(outcome).toEqual({
      wait: { until: Date.parse('2026-01-04T04:30:00.000Z'), onTimeout: 'next' },
    });
  });

  it('until: follows the customer time zone', () => {
    const ny = facts({
      customer: { id: 'c2', language: 'en', timeZone: 'America/New_York', attributes: {} },
    });
    const entry = Date.parse('2026-03-06T15:00:00.000Z'); // Fri 10:00 EST
    const outcome = evaluate(
      wait,
      { mode: 'until', daysAfterEntry: 3, at: '10:00' },
      env({ now: entry, enteredAt: entry, facts: ny }),
    );
    expect(outcome).toEqual({
      wait: { until: Date.parse('2026-03-09T14:00:00.000Z'), onTimeout: 'next' },
    });
  });

  it('declares its longest delay for the window check', () => {
    const maxDelay = (config: unknown) => wait.maxDelayMs?.(wait.config.parse(config));
    expect(maxDelay({ mode: 'duration', duration: { amount: 3 } })).toBe(3 * DAY_MS);
    expect(maxDelay({ mode: 'until', daysAfterEntry: 14, at: '10:00' })).toBe(14 * DAY_MS);
  });

  it('refuses bad times and negative days', () => {
    expect(wait.config.safeParse({ mode: 'until', daysAfterEntry: 1, at: '25:00' }).success).toBe(
      false,
    );
    expect(wait.config.safeParse({ mode: 'until', daysAfterEntry: -1, at: '10:00' }).success).toBe(
      false,
    );
    expect(wait.config.safeParse({ mode: 'sometime' }).success).toBe(false);
  });
});

describe('flow.wait_for_event', () => {
  it('waits for the event until the timeout, same order by default', () => {
    const outcome = evaluate(
      waitForEvent,
      { event: 'order.delivered', timeout: { amount: 7 } },
      env({ now: T0 + HOUR_MS }),
    );
    expect(outcome).toEqual({
      wait: {
        until: T0 + HOUR_MS + 7 * DAY_MS,
        event: { type: 'order.delivered', filters: [], sameOrder: true },
        onEvent: 'event',
        onTimeout: 'timeout',
      },
    });
    expect(
      waitForEvent.maxDelayMs?.(
        waitForEvent.config.parse({ event: 'x', timeout: { amount: 12, unit: 'hours' } }),
      ),
    ).toBe(12 * HOUR_MS);
  });
});

describe('audience.cohort_split', () => {
  const random = {
    mode: 'random',
    arms: [
      { id: 'a', percent: 50 },
      { id: 'b', percent: 30 },
    ],
    holdoutPercent: 20,
  };

  it('random: assigns by the hash of journey, node and customer, arms in order then holdout', () => {
    for (let i = 0; i < 200; i++) {
      const customerId = `c${i}`;
      const bucket = percentBucket(`j1:split:${customerId}`);
      const expected = bucket < 50 ? 'a' : bucket < 80 ? 'b' : 'holdout';
      const e = env({
        nodeId: 'split',
        facts: facts({ customer: { ...facts().customer, id: customerId } }),
      });
      expect(evaluate(cohortSplit, random, e)).toEqual({ port: expected, detail: { bucket } });
    }
  });

  it('random: every arm gets customers, roughly in proportion', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 2000; i++) {
      const e = env({ facts: facts({ customer: { ...facts().customer, id: `cust_${i}` } }) });
      const outcome = evaluate(cohortSplit, random, e);
      const port = 'port' in outcome ? outcome.port : 'none';
      counts[port] = (counts[port] ?? 0) + 1;
    }
    expect(counts.a).toBeGreaterThan(900);
    expect(counts.a).toBeLessThan(1100);
    expect(counts.b).toBeGreaterThan(500);
    expect(counts.b).toBeLessThan(700);
    expect(counts.holdout).toBeGreaterThan(300);
    expect(counts.holdout).toBeLessThan(500);
  });

  it('random: without a holdout every customer lands in an arm', () => {
    const config = {
      mode: 'random',
      arms: [
        { id: 'a', percent: 50 },
        { id: 'b', percent: 50 },
      ],
    };
    expect(cohortSplit.portsFor(config)).toEqual(['a', 'b']);
    for (let i = 0; i < 100; i++) {
      const outcome = evaluate(
        cohortSplit,
        config,
        env({ facts: facts({ customer: { ...facts().customer, id: `x${i}` } }) }),
      );
      expect(['a', 'b']).toContain('port' in outcome ? outcome.port : undefined);
    }
  });

  it('attribute: picks the arm listing the value (loosely), else other', () => {
    const config = {
      mode: 'attribute',
      field: 'customer.language',
      arms: [
        { id: 'hindi', values: ['hi'] },
        { id: 'south', values: ['ta', 'te', 'kn'] },
      ],
    };
    expect(evaluate(cohortSplit, config)).toEqual({ port: 'hindi', detail: { value: 'hi' } });
    const tamil = facts({ customer: { ...facts().customer, language: 'ta' } });
    expect(evaluate(cohortSplit, config, env({ facts: tamil }))).toMatchObject({ port: 'south' });
    const english = facts({ customer: { ...facts().customer, language: 'en' } });
    expect(evaluate(cohortSplit, config, env({ facts: english }))).toMatchObject({ port: 'other' });
    const byTotal = {
      mode: 'attribute',
      field: 'order.total',
      arms: [{ id: 'big', values: ['90000'] }],
    };
    expect(evaluate(cohortSplit, byTotal)).toMatchObject({ port: 'big' });
  });

  it('refuses percentages that do not add up to 100, duplicate and reserved ids', () => {
    const issues = (config: unknown) =>
      cohortSplit.config.safeParse(config).error?.issues.map((i) => i.message) ?? [];
    expect(
      issues({ mode: 'random', arms: [{ id: 'a', percent: 60 }], holdoutPercent: 10 }),
    ).toEqual(['arms and holdout must add up to 100% (now 70%)']);
    expect(
      issues({
        mode: 'random',
        arms: [
          { id: 'a', percent: 50 },
          { id: 'a', percent: 50 },
        ],
      }),
    ).toEqual(['arm ids must be unique']);
    expect(issues({ mode: 'attribute', field: 'x', arms: [{ id: 'other', values: [1] }] })).toEqual(
      ['"holdout" and "other" are reserved port names'],
    );
    expect(
      cohortSplit.config.safeParse({ mode: 'random', arms: [{ id: 'Big Arm', percent: 100 }] })
        .success,
    ).toBe(false);
    expect(
      cohortSplit.config.safeParse({
        mode: 'random',
        arms: [
          { id: 'a', percent: 33.3 },
          { id: 'b', percent: 66.7 },
        ],
      }).success,
    ).toBe(true);
  });
});

describe('message.send', () => {
  function context(created: boolean) {
    const outbox: OutboundMessage[] = [];
    const state: RunState = {
      v: 1,
      run: { journeyId: 'j1', versionId: 'v1', runId: 'r1', customerId: 'c1' },
      enteredAt: T0,
      windowEndsAt: T0 + 45 * DAY_MS,
      facts: facts(),
      seq: 3,
      visits: 3,
      pending: { kind: 'exit', reason: 'test', at: T0 },
    };
    const effect = {
      kind: 'action' as const,
      nodeId: 'confirm',
      nodeType: 'message.send',
      typeVersion: 1,
      config: {},
      idempotencyKey: 'r1:confirm:3',
    };
    const ctx = createNodeContext(effect, state, {
      now: new Date(T0),
      attempt: 1,
      logger: { info: () => undefined, warn: () => undefined },
      channels: {
        async send(message) {
          outbox.push(message);
          return { messageId: 'msg-1', created };
        },
      },
    });
    return { ctx, outbox };
  }

  it('renders variables from the run facts and sends the template', async () => {
    const { ctx, outbox } = context(true);
    expect(ctx.idempotencyKey).toBe('r1:confirm:3');
    expect(ctx.run).toEqual({ journeyId: 'j1', versionId: 'v1', runId: 'r1', nodeId: 'confirm' });
    const config = send.config.parse({
      templateId: 'order_confirmation',
      variables: {
        name: '{{customer.name|there}}',
        orderId: '{{order.id}}',
        coupon: '{{customer.attributes.coupon}}',
      },
    });
    const result = await send.run?.(ctx, config);
    expect(outbox).toEqual([
      {
        channel: 'whatsapp',
        templateId: 'order_confirmation',
        category: 'utility',
        variables: { name: 'Asha', orderId: 'o1', coupon: '' },
        quietHours: 'wait',
        fallback: [],
        priority: 'normal',
      },
    ]);
    expect(result).toEqual({
      port: 'next',
      output: { status: 'sent', channel: 'whatsapp', messageId: 'msg-1', duplicate: false },
    });
  });

  it('reports a message the channel already had as a duplicate', async () => {
    const { ctx } = context(false);
    const result = await send.run?.(
      ctx,
      send.config.parse({ channel: 'sms', templateId: 'x', category: 'marketing' }),
    );
    expect(result).toEqual({
      port: 'next',
      output: { status: 'sent', channel: 'sms', messageId: 'msg-1', duplicate: true },
    });
  });

  it('refuses an empty template id and unknown channels', () => {
    expect(send.config.safeParse({ templateId: '' }).success).toBe(false);
    expect(send.config.safeParse({ templateId: 'x', channel: 'pigeon' }).success).toBe(false);
  });
});
