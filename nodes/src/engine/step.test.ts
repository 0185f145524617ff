import { describe, it, expect } from 'vitest';
import { DAY_MS } from '../contract/durations';
import type { CustomerEvent, CustomerSnapshot } from '../contract/facts';
import { compile } from '../journey/compile';
import type { JourneyDocumentInput } from '../journey/document';
import type { CompiledJourney } from '../journey/ir';
import { runJourney, type JourneyHost } from './run-journey';
import { MAX_VISITS, type RunIdentity, type RunState, type StepRecord } from './state';
import { enterJourney, step } from './step';

type Doc = JourneyDocumentInput;
type NodeIn = Doc['nodes'][number];

function compiled(doc: Doc): CompiledJourney {
  const result = compile(doc);
  if (!result.ok) throw new Error(`does not compile: ${JSON.stringify(result.errors)}`);
  return result.ir;
}

const T0 = Date.parse('2026-01-01T04:30:00.000Z');
const run: RunIdentity = { journeyId: 'j1', versionId: 'v1', runId: 'r1', customerId: 'c1' };
const customer: CustomerSnapshot = {
  id: 'c1',
  name: 'Asha',
  language: 'en',
  timeZone: 'Asia/Kolkata',
  attributes: {},
};
const event = (type: string, properties: Record<string, unknown> = {}, at = T0): CustomerEvent => ({
  type,
  customerId: 'c1',
  occurredAt: new Date(at).toISOString(),
  properties,
});
const entryEvent = event('order.placed', { orderId: 'o1', paymentMethod: 'upi', total: 50_000 });
const enter = (ir: CompiledJourney, now = T0) =>
  enterJourney(ir, { run, customer, entryEvent, now });

const trigger: NodeIn = { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } };
const secondOrderGoal = { id: 'second_order', event: 'order.placed', filters: [] };

/** start → hello (send) → end, with a second-order goal. */
const sendJourney = compiled({
  name: 'send',
  goals: [secondOrderGoal],
  nodes: [
    trigger,
    { id: 'hello', type: 'message.send', config: { templateId: 'hello' } },
    { id: 'end', type: 'flow.exit', config: { reason: 'said_hello' } },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'end' },
  ],
});

/** start → w1 (20 days) → w2 (20 days) → end, in a 30-day window. */
const twoWaits = compiled({
  name: 'two waits',
  window: { days: 30 },
  nodes: [
    trigger,
    { id: 'w1', type: 'flow.wait', config: { mode: 'duration', duration: { amount: 20 } } },
    { id: 'w2', type: 'flow.wait', config: { mode: 'duration', duration: { amount: 20 } } },
    { id: 'end', type: 'flow.exit' },
  ],
  edges: [
    { source: 'start', target: 'w1' },
    { source: 'w1', target: 'w2' },
    { source: 'w2', target: 'end' },
  ],
});

/** start → rate (wait for a 4+ review, 3 days) → happy | quiet. */
const reviewJourney = compiled({
  name: 'review',
  goals: [
    {
      id: 'refund',
      event: 'order.refunded',
      filters: [{ field: 'event.properties.amount', op: 'gt', value: 0 }],
    },
  ],
  nodes: [
    trigger,
    {
      id: 'rate',
      type: 'flow.wait_for_event',
      config: {
        event: 'review.submitted',
        filters: [{ field: 'event.properties.rating', op: 'gte', value: 4 }],
        timeout: { amount: 3 },
      },
    },
    { id: 'happy', type: 'flow.exit', config: { reason: 'happy' } },
    { id: 'quiet', type: 'flow.exit', config: { reason: 'quiet' } },
  ],
  edges: [
    { source: 'start', target: 'rate' },
    { source: 'rate', sourcePort: 'event', target: 'happy' },
    { source: 'rate', sourcePort: 'timeout', target: 'quiet' },
  ],
});

describe('enterJourney', () => {
  it('builds the facts from the entry event and advances to the first action', () => {
    const { state, records } = enter(sendJourney);
    expect(state).toMatchObject({
      v: 1,
      run,
      enteredAt: T0,
      windowEndsAt: T0 + 45 * DAY_MS,
      seq: 1,
      visits: 2,
      pending: {
        kind: 'action',
        nodeId: 'hello',
        nodeType: 'message.send',
        typeVersion: 1,
        idempotencyKey: 'r1:hello:1',
      },
    });
    expect(state.facts.order).toEqual({
      id: 'o1',
      status: 'placed',
      paymentMethod: 'upi',
      total: 50_000,
      items: undefined,
      placedAt: entryEvent.occurredAt,
    });
    expect(state.facts.eventCounts).toEqual({ 'order.placed': 1 });
    expect(state.facts.trigger).toBe(entryEvent);
    expect(state.facts.event).toBeNull();
    expect(state.facts.journey).toEqual({
      id: 'j1',
      versionId: 'v1',
      runId: 'r1',
      daysSinceEntry: 0,
    });
    expect(records).toEqual([
      { seq: 0, nodeId: 'start', nodeType: 'trigger.event', port: 'next', at: T0, detail: {} },
    ]);
  });

  it('stops at a wait with a record of what it waits for', () => {
    const { state, records } = enter(reviewJourney);
    expect(state.pending).toMatchObject({
      kind: 'wait',
      nodeId: 'rate',
      until: T0 + 3 * DAY_MS,
      event: { type: 'review.submitted', sameOrder: true },
      onEvent: 'event',
      onTimeout: 'timeout',
    });
    expect(records.at(-1)).toMatchObject({
      nodeId: 'rate',
      port: null,
      detail: {
        waitingUntil: new Date(T0 + 3 * DAY_MS).toISOString(),
        forEvent: 'review.submitted',
      },
    });
  });
});

describe('step: action results', () => {
  it('follows the returned port, keeps the output as facts and reaches the exit', () => {
    const entered = enter(sendJourney);
    const { state, records } = step(
      sendJourney,
      entered.state,
      { kind: 'action-result', port: 'next', output: { messageId: 'm1' } },
      T0 + 1000,
    );
    expect(state.facts.outputs).toEqual({ hello: { messageId: 'm1' } });
    expect(state.pending).toEqual({
      kind: 'exit',
      reason: 'said_hello',
      nodeId: 'end',
      at: T0 + 1000,
    });
    expect(records).toEqual([
      {
        seq: 1,
        nodeId: 'hello',
        nodeType: 'message.send',
        port: 'next',
        at: T0 + 1000,
        detail: { output: { messageId: 'm1' } },
      },
      {
        seq: 2,
        nodeId: 'end',
        nodeType: 'flow.exit',
        port: null,
        at: T0 + 1000,
        detail: { exit: 'said_hello' },
      },
    ]);
  });

  it('an undeclared port exits with reason failed and names the port', () => {
    const entered = enter(sendJourney);
    const { state, records } = step(
      sendJourney,
      entered.state,
      { kind: 'action-result', port: 'bogus' },
      T0,
    );
    expect(state.pending).toMatchObject({ kind: 'exit', reason: 'failed', nodeId: 'hello' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ nodeId: 'hello', port: null, detail: { exit: 'failed' } });
    expect(String(records[0]?.detail.error)).toContain('"bogus"');
  });

  it('a result when no action is pending changes nothing', () => {
    const waiting = enter(reviewJourney).state;
    const { state, records } = step(
      reviewJourney,
      waiting,
      { kind: 'action-result', port: 'next' },
      T0,
    );
    expect(state.pending).toEqual(waiting.pending);
    expect(records).toEqual([]);
  });
});

describe('step: goals', () => {
  it('a goal event while an action is pending exits with goal before the action runs', () => {
    const entered = enter(sendJourney);
    expect(entered.state.pending.kind).toBe('action');
    const { state, records } = step(
      sendJourney,
      entered.state,
      { kind: 'event', event: event('order.placed', { orderId: 'o2' }, T0 + 5) },
      T0 + 5,
    );
    expect(state.pending).toEqual({ kind: 'exit', reason: 'goal', nodeId: 'hello', at: T0 + 5 });
    expect(records).toEqual([
      {
        seq: 1,
        nodeId: 'hello',
        nodeType: 'message.send',
        port: null,
        at: T0 + 5,
        detail: { exit: 'goal', goal: 'second_order', event: 'order.placed' },
      },
    ]);
    // The late action result is ignored: the run stays exited.
    const after = step(sendJourney, state, { kind: 'action-result', port: 'next' }, T0 + 10);
    expect(after.state.pending).toEqual(state.pending);
    expect(after.records).toEqual([]);
  });

  it('a goal event exits a waiting run at once; its filters read the event', () => {
    const waiting = enter(reviewJourney).state;
    const noRefund = step(
      reviewJourney,
      waiting,
      { kind: 'event', event: event('order.refunded', { amount: 0 }) },
      T0 + DAY_MS,
    );
    expect(noRefund.state.pending.kind).toBe('wait');
    const refund = step(
      reviewJourney,
      noRefund.state,
      { kind: 'event', event: event('order.refunded', { amount: 500 }) },
      T0 + DAY_MS,
    );
    expect(refund.state.pending).toMatchObject({ kind: 'exit', reason: 'goal', nodeId: 'rate' });
  });

  it('events after the exit are ignored', () => {
    const done = step(
      sendJourney,
      enter(sendJourney).state,
      { kind: 'action-result', port: 'next' },
      T0,
    ).state;
    const { state, records } = step(
      sendJourney,
      done,
      { kind: 'event', event: event('order.placed') },
      T0 + DAY_MS,
    );
    expect(state.pending).toEqual(done.pending);
    expect(records).toEqual([]);
  });
});

describe('step: waiting for events', () => {
  it('a matching event continues on the event port', () => {
    const waiting = enter(reviewJourney).state;
    const { state, records } = step(
      reviewJourney,
      waiting,
      { kind: 'event', event: event('review.submitted', { rating: 5 }) },
      T0 + DAY_MS,
    );
    expect(state.pending).toMatchObject({ kind: 'exit', reason: 'happy', nodeId: 'happy' });
    expect(records[0]).toMatchObject({
      nodeId: 'rate',
      port: 'event',
      detail: { event: 'review.submitted' },
    });
  });

  it('an event failing the filters keeps waiting but still updates the facts', () => {
    const waiting = enter(reviewJourney).state;
    const low = event('review.submitted', { rating: 2 });
    const { state, records } = step(
      reviewJourney,
      waiting,
      { kind: 'event', event: low },
      T0 + DAY_MS,
    );
    expect(state.pending).toEqual(waiting.pending);
    expect(records).toEqual([]);
    expect(state.facts.event).toEqual(low);
    expect(state.facts.eventCounts).toEqual({ 'order.placed': 1, 'review.submitted': 1 });
    expect(state.facts.journey.daysSinceEntry).toBe(1);
  });

  it('order events about the entry order move its status; other orders do not', () => {
    const waiting = enter(reviewJourney).state;
    const other = step(
      reviewJourney,
      waiting,
      { kind: 'event', event: event('order.shipped', { orderId: 'o9' }) },
      T0,
    ).state;
    expect(other.facts.order.status).toBe('placed');
    const shipped = step(
      reviewJourney,
      other,
      { kind: 'event', event: event('order.delivered', { orderId: 'o1' }, T0 + DAY_MS) },
      T0 + DAY_MS,
    ).state;
    expect(shipped.facts.order).toMatchObject({
      status: 'delivered',
      deliveredAt: new Date(T0 + DAY_MS).toISOString(),
    });
  });

  it('the timeout port is taken when the timer fires at or after the deadline, not before', () => {
    const waiting = enter(reviewJourney).state;
    const early = step(reviewJourney, waiting, { kind: 'timer' }, T0 + 3 * DAY_MS - 1);
    expect(early.state.pending).toEqual(waiting.pending);
    expect(early.records).toEqual([]);
    const { state, records } = step(reviewJourney, waiting, { kind: 'timer' }, T0 + 3 * DAY_MS);
    expect(state.pending).toMatchObject({ kind: 'exit', reason: 'quiet', nodeId: 'quiet' });
    expect(records.map((r) => [r.nodeId, r.port])).toEqual([
      ['rate', 'timeout'],
      ['quiet', null],
    ]);
  });
});

describe('step: the journey window', () => {
  it('a wait capped by the window exits window_end when the window closes', () => {
    const first = enter(twoWaits);
    expect(first.state.pending).toMatchObject({
      kind: 'wait',
      nodeId: 'w1',
      until: T0 + 20 * DAY_MS,
    });
    const second = step(twoWaits, first.state, { kind: 'timer' }, T0 + 20 * DAY_MS);
    // w2 would wait until day 40; the 30-day window caps it.
    expect(second.state.pending).toMatchObject({
      kind: 'wait',
      nodeId: 'w2',
      until: T0 + 30 * DAY_MS,
    });
    const { state, records } = step(twoWaits, second.state, { kind: 'timer' }, T0 + 30 * DAY_MS);
    expect(state.pending).toEqual({
      kind: 'exit',
      reason: 'window_end',
      nodeId: 'w2',
      at: T0 + 30 * DAY_MS,
    });
    expect(records).toEqual([
      expect.objectContaining({ nodeId: 'w2', port: null, detail: { exit: 'window_end' } }),
    ]);
  });

  it('an until-wait past the window is capped to the window end too', () => {
    const ir = compiled({
      name: 'until',
      window: { days: 10 },
      nodes: [
        trigger,
        { id: 'w', type: 'flow.wait', config: { mode: 'until', daysAfterEntry: 10, at: '23:00' } },
        { id: 'end', type: 'flow.exit' },
      ],
      edges: [
        { source: 'start', target: 'w' },
        { source: 'w', target: 'end' },
      ],
    });
    expect(enter(ir).state.pending).toMatchObject({ kind: 'wait', until: T0 + 10 * DAY_MS });
  });
});

describe('step: guards and bookkeeping', () => {
  it('exits with step_limit past MAX_VISITS node visits', () => {
    const waiting = enter(twoWaits).state;
    const worn: RunState = { ...waiting, visits: MAX_VISITS };
    const { state } = step(twoWaits, worn, { kind: 'timer' }, T0 + 20 * DAY_MS);
    expect(state.pending).toMatchObject({ kind: 'exit', reason: 'step_limit', nodeId: 'w2' });
  });

  it('an unregistered node type in the IR exits failed instead of throwing', () => {
    const hello = sendJourney.nodes.hello;
    if (!hello) throw new Error('no hello node');
    const broken: CompiledJourney = {
      ...sendJourney,
      nodes: { ...sendJourney.nodes, hello: { ...hello, type: 'custom.gone', kind: 'control' } },
    };
    const { state, records } = enter(broken);
    expect(state.pending).toMatchObject({ kind: 'exit', reason: 'failed', nodeId: 'hello' });
    expect(String(records.at(-1)?.detail.error)).toContain('custom.gone');
  });

  it('does not mutate the state it is given', () => {
    const waiting = enter(reviewJourney).state;
    const copy = structuredClone(waiting);
    step(
      reviewJourney,
      waiting,
      { kind: 'event', event: event('review.submitted', { rating: 5 }) },
      T0 + DAY_MS,
    );
    step(reviewJourney, waiting, { kind: 'timer' }, T0 + 3 * DAY_MS);
    expect(waiting).toEqual(copy);
  });

  it('the state survives a JSON round trip (continue-as-new)', () => {
    const waiting = enter(reviewJourney).state;
    const revived = JSON.parse(JSON.stringify(waiting)) as RunState;
    const a = step(reviewJourney, waiting, { kind: 'timer' }, T0 + 3 * DAY_MS);
    const b = step(reviewJourney, revived, { kind: 'timer' }, T0 + 3 * DAY_MS);
    expect(b).toEqual(a);
  });
});

describe('runJourney', () => {
  function host(events: CustomerEvent[]) {
    const calls: string[] = [];
    let now = T0;
    let flushed: StepRecord[] = [];
    let finished: { state: RunState; records: StepRecord[] } | undefined;
    const h: JourneyHost = {
      now: () => now,
      takeEvent: () => events.shift(),
      async waitForEvent(until) {
        calls.push(`wait:${until - T0}`);
        now = until;
        return false;
      },
      async runAction(effect) {
        calls.push(`action:${effect.nodeId}`);
        return { port: 'next', output: { messageId: 'm1' } };
      },
      async flush(records) {
        calls.push(`flush:${records.length}`);
        flushed = [...flushed, ...records];
      },
      async checkpoint() {
        calls.push('checkpoint');
      },
      async finish(state, records) {
        calls.push('finish');
        finished = { state, records };
      },
    };
    return { h, calls, flushed: () => flushed, finished: () => finished };
  }

  it('drains a goal event before running the pending action, so the action never runs', async () => {
    const { h, calls, finished } = host([event('order.placed', { orderId: 'o2' })]);
    const final = await runJourney(sendJourney, enter(sendJourney), h);
    expect(calls).toEqual(['finish']);
    expect(final.pending).toMatchObject({ kind: 'exit', reason: 'goal', nodeId: 'hello' });
    expect(finished()?.records.map((r) => r.seq)).toEqual([0, 1]);
  });

  it('runs actions, flushes and checkpoints before each wait, and finishes with the rest', async () => {
    const { h, calls, flushed, finished } = host([]);
    const final = await runJourney(twoWaits, enter(twoWaits), h);
    expect(calls).toEqual([
      'flush:2',
      'checkpoint',
      `wait:${20 * DAY_MS}`,
      'flush:2',
      'checkpoint',
      `wait:${30 * DAY_MS}`,
      'finish',
    ]);
    expect(final.pending).toMatchObject({ kind: 'exit', reason: 'window_end' });
    const all = [...flushed(), ...(finished()?.records ?? [])];
    expect(all.map((r) => r.seq)).toEqual(all.map((_r, i) => i));
  });

  it('hands the action its records and feeds back its result', async () => {
    const { h, calls, finished } = host([]);
    const final = await runJourney(sendJourney, enter(sendJourney), h);
    expect(calls).toEqual(['action:hello', 'finish']);
    expect(final.facts.outputs.hello).toEqual({ messageId: 'm1' });
    expect(final.pending).toMatchObject({ kind: 'exit', reason: 'said_hello' });
    expect(finished()?.records.map((r) => r.nodeId)).toEqual(['hello', 'end']);
  });
});

describe('step: events that race an action', () => {
  /** start → thanks (send) → delivered? (wait for order.delivered, 7 days) → yay | late. */
  const raceJourney = compiled({
    name: 'race',
    nodes: [
      trigger,
      { id: 'thanks', type: 'message.send', config: { templateId: 'thanks' } },
      {
        id: 'delivered',
        type: 'flow.wait_for_event',
        config: { event: 'order.delivered', timeout: { amount: 7 } },
      },
      { id: 'yay', type: 'flow.exit', config: { reason: 'delivered' } },
      { id: 'late', type: 'flow.exit', config: { reason: 'late' } },
    ],
    edges: [
      { source: 'start', target: 'thanks' },
      { source: 'thanks', target: 'delivered' },
      { source: 'delivered', sourcePort: 'event', target: 'yay' },
      { source: 'delivered', sourcePort: 'timeout', target: 'late' },
    ],
  });

  it('an event that arrives while a send runs still satisfies the next wait', () => {
    const busy = enter(raceJourney).state;
    expect(busy.pending.kind).toBe('action');
    const during = step(
      raceJourney,
      busy,
      { kind: 'event', event: event('order.delivered', { orderId: 'o1' }) },
      T0 + 10,
    );
    expect(during.state.pending.kind).toBe('action');
    const after = step(raceJourney, during.state, { kind: 'action-result', port: 'next' }, T0 + 20);
    expect(after.state.pending).toMatchObject({ kind: 'exit', reason: 'delivered' });
    expect(after.records.find((r) => r.nodeId === 'delivered')).toMatchObject({
      port: 'event',
      detail: { arrivedWhileBusy: true },
    });
  });

  it('an event for another order, or one that arrived before an earlier wait, is not claimed', () => {
    const busy = enter(raceJourney).state;
    const other = step(
      raceJourney,
      busy,
      { kind: 'event', event: event('order.delivered', { orderId: 'o2' }) },
      T0 + 10,
    );
    const after = step(raceJourney, other.state, { kind: 'action-result', port: 'next' }, T0 + 20);
    expect(after.state.pending).toMatchObject({ kind: 'wait', nodeId: 'delivered' });
    expect(after.state.unclaimed).toEqual([]);
  });
});
