import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../contract/duration-math';
import type { CustomerEvent, CustomerSnapshot } from '../contract/facts';
import { compile } from '../journey/compile';
import type { JourneyDocumentInput } from '../journey/document';
import type { CompiledJourney } from '../journey/ir';
import { simulate } from './simulate';
import type { RunIdentity } from './state';
import { enterJourney, step } from './step';

// A send deferred by the rules (NodeResult.retryAt) holds the run on a durable timer and then
// runs the same step again, same idempotency key; the simulator shows the same.

function compiled(doc: JourneyDocumentInput): CompiledJourney {
  const result = compile(doc);
  if (!result.ok) throw new Error(`does not compile: ${JSON.stringify(result.errors)}`);
  return result.ir;
}

/** start → promo (a marketing WhatsApp send) → end, with a second-order goal. */
const promoJourney = (config: Record<string, unknown> = {}) =>
  compiled({
    name: 'promo',
    window: { days: 2 },
    goals: [{ id: 'second_order', event: 'order.placed', filters: [] }],
    nodes: [
      { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
      {
        id: 'promo',
        type: 'message.send',
        config: { templateId: 'promo', category: 'marketing', ...config },
      },
      { id: 'end', type: 'flow.exit', config: { reason: 'done' } },
    ],
    edges: [
      { source: 'start', target: 'promo' },
      { source: 'promo', target: 'end' },
    ],
  });

const AT_23_IST = Date.parse('2026-01-05T17:30:00Z');
const AT_09_IST = Date.parse('2026-01-06T03:30:00Z');
const run: RunIdentity = { journeyId: 'j1', versionId: 'v1', runId: 'r1', customerId: 'c1' };
const customer: CustomerSnapshot = {
  id: 'c1',
  name: 'Asha',
  phone: '+919800000001',
  language: 'en',
  timeZone: 'Asia/Kolkata',
  attributes: {},
};
const placed = (at: number): CustomerEvent => ({
  type: 'order.placed',
  customerId: 'c1',
  occurredAt: new Date(at).toISOString(),
  properties: { orderId: 'o1' },
});

describe('a deferred action in the interpreter', () => {
  const ir = promoJourney();
  const entered = enterJourney(ir, {
    run,
    customer,
    entryEvent: placed(AT_23_IST),
    now: AT_23_IST,
  });
  const action = entered.state.pending;

  it('waits until retryAt, then runs the same action with the same idempotency key', () => {
    expect(action).toMatchObject({ kind: 'action', nodeId: 'promo' });
    const deferred = step(
      ir,
      entered.state,
      { kind: 'action-result', port: 'next', output: { status: 'deferred' }, retryAt: AT_09_IST },
      AT_23_IST,
    );
    expect(deferred.state.pending).toEqual({
      kind: 'wait',
      nodeId: 'promo',
      until: AT_09_IST,
      onTimeout: 'next',
      resume: action,
    });
    expect(deferred.records).toEqual([
      expect.objectContaining({
        nodeId: 'promo',
        port: null,
        detail: { deferredUntil: '2026-01-06T03:30:00.000Z', output: { status: 'deferred' } },
      }),
    ]);
    // Too early: still waiting.
    const early = step(ir, deferred.state, { kind: 'timer' }, AT_09_IST - 1);
    expect(early.state.pending.kind).toBe('wait');
    const woken = step(ir, deferred.state, { kind: 'timer' }, AT_09_IST);
    expect(woken.state.pending).toEqual(action);
    expect(woken.records).toEqual([]);
  });

  it('lets a goal exit the customer while the send waits', () => {
    const deferred = step(
      ir,
      entered.state,
      { kind: 'action-result', port: 'next', retryAt: AT_09_IST },
      AT_23_IST,
    );
    const goal = step(
      ir,
      deferred.state,
      { kind: 'event', event: placed(AT_23_IST + HOUR_MS) },
      AT_23_IST + HOUR_MS,
    );
    expect(goal.state.pending).toMatchObject({ kind: 'exit', reason: 'goal' });
  });

  it('never waits past the journey window', () => {
    const deferred = step(
      ir,
      entered.state,
      { kind: 'action-result', port: 'next', retryAt: AT_23_IST + 10 * DAY_MS },
      AT_23_IST,
    );
    expect(deferred.state.pending).toMatchObject({ until: entered.state.windowEndsAt });
    const end = step(ir, deferred.state, { kind: 'timer' }, entered.state.windowEndsAt);
    expect(end.state.pending).toMatchObject({ kind: 'exit', reason: 'window_end' });
  });
});

describe('the simulator applies the same send rules', () => {
  const input = (entryAt: number) => ({
    customer,
    entryEvent: {
      type: 'order.placed',
      occurredAt: new Date(entryAt).toISOString(),
      properties: {},
    },
  });

  it('holds a marketing send at 23:00 IST until 09:00, then sends it once', async () => {
    const r = await simulate(promoJourney(), input(AT_23_IST));
    expect(r.messages.map((m) => [m.templateId, m.at])).toEqual([
      ['promo', '2026-01-06T03:30:00.000Z'],
    ]);
    expect(r.decisions).toEqual([
      expect.objectContaining({
        nodeId: 'promo',
        decision: 'deferred',
        rule: 'quiet_hours',
        until: '2026-01-06T03:30:00.000Z',
      }),
    ]);
    expect(r.exit.reason).toBe('done');
  });

  it('skips instead when the node says so, and goes on through next', async () => {
    const r = await simulate(promoJourney({ quietHours: 'skip' }), input(AT_23_IST));
    expect(r.messages).toEqual([]);
    expect(r.decisions).toMatchObject([{ decision: 'skipped', rule: 'quiet_hours' }]);
    expect(r.steps.find((s) => s.nodeId === 'promo' && s.port === 'next')?.detail).toMatchObject({
      output: { status: 'skipped', rule: 'quiet_hours' },
    });
    expect(r.exit.reason).toBe('done');
  });

  it('skips marketing for a customer without marketing consent', async () => {
    const r = await simulate(promoJourney(), {
      ...input(AT_09_IST),
      sending: { consents: [{ channel: 'whatsapp', purpose: 'utility', granted: true }] },
    });
    expect(r.messages).toEqual([]);
    expect(r.decisions).toMatchObject([
      { decision: 'skipped', rule: 'consent', reason: 'no marketing consent on whatsapp' },
    ]);
  });
});
