import { describe, expect, it } from 'vitest';
import { ingestEvents } from './queries/events';
import { insertMessageOnce } from './queries/messages';
import { createRun, finishRun, recordSteps } from './queries/runs';
import { getCustomerTimeline } from './queries/timeline';
import { publishedJourney } from './testing/fixtures';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

const day = (n: number, hour = 0) => new Date(Date.UTC(2025, 5, 1 + n, hour));

describe('getCustomerTimeline', () => {
  it('merges events, runs, steps and messages in time order, cause before effect on ties', async () => {
    const { journey, version } = await publishedJourney(t.db);
    // Written out of chronological order on purpose.
    const { accepted } = await ingestEvents(t.db, [
      {
        type: 'order.delivered',
        customerId: 'c-1',
        occurredAt: day(3),
        idempotencyKey: 'e-2',
        properties: { orderId: 'o-1' },
      },
      {
        type: 'order.placed',
        customerId: 'c-1',
        occurredAt: day(0),
        idempotencyKey: 'e-1',
        properties: { orderId: 'o-1', total: 1000 },
      },
      {
        type: 'order.placed',
        customerId: 'someone-else',
        occurredAt: day(0),
        idempotencyKey: 'e-x',
        properties: {},
      },
    ]);
    const entry = accepted.find((a) => a.idempotencyKey === 'e-1');
    const { run } = await createRun(t.db, {
      journeyId: journey.id,
      versionId: version.id,
      customerId: 'c-1',
      entryEventId: entry?.id ?? null,
      workflowId: 'wf-tl',
      enteredAt: day(0),
    });
    await insertMessageOnce(t.db, {
      idempotencyKey: 'msg-1',
      runId: run.id,
      journeyId: journey.id,
      nodeId: 'send',
      customerId: 'c-1',
      channel: 'whatsapp',
      templateId: 'confirm',
      createdAt: day(0),
    });
    await recordSteps(t.db, run.id, [
      {
        seq: 0,
        nodeId: 'trigger',
        nodeType: 'trigger.event',
        port: 'next',
        at: day(0),
        detail: {},
      },
      { seq: 1, nodeId: 'send', nodeType: 'message.send', port: 'next', at: day(0), detail: {} },
      {
        seq: 2,
        nodeId: 'wait',
        nodeType: 'flow.wait_for_event',
        port: 'event',
        at: day(3),
        detail: {},
      },
    ]);
    await finishRun(t.db, run.id, { status: 'completed', exitReason: 'end', exitedAt: day(3) });

    const { customer, items } = await getCustomerTimeline(t.db, 'c-1');
    expect(customer?.id).toBe('c-1');
    expect(
      items.map((i) => [
        i.at.toISOString().slice(0, 10),
        i.kind,
        'nodeId' in i ? i.nodeId : 'type' in i ? i.type : '',
      ]),
    ).toEqual([
      ['2025-06-01', 'event', 'order.placed'],
      ['2025-06-01', 'run.entered', ''],
      ['2025-06-01', 'step', 'trigger'],
      ['2025-06-01', 'step', 'send'],
      ['2025-06-01', 'message', 'send'],
      ['2025-06-04', 'event', 'order.delivered'],
      ['2025-06-04', 'step', 'wait'],
      ['2025-06-04', 'run.exited', ''],
    ]);
    expect(items[1]).toMatchObject({
      kind: 'run.entered',
      journeyName: journey.name,
      version: 1,
      runId: run.id,
    });
    expect(items.at(-1)).toMatchObject({
      kind: 'run.exited',
      status: 'completed',
      exitReason: 'end',
    });

    expect(await getCustomerTimeline(t.db, 'nobody')).toEqual({ customer: null, items: [] });
  });
});
