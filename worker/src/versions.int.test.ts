import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyDocumentInput } from '@yatra/nodes';
import { createJourneyTestEnv, type JourneyTestEnv } from './testing/journey-test-env';

// A run is pinned to the version it entered with: republishing changes new entrants only.

const journey = (tag: string): JourneyDocumentInput => ({
  name: 'Pinned versions',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
    { id: 'hello', type: 'message.send', config: { templateId: `${tag}_hello` } },
    {
      id: 'pause',
      type: 'flow.wait',
      config: { mode: 'duration', duration: { amount: 5, unit: 'days' } },
    },
    { id: 'bye', type: 'message.send', config: { templateId: `${tag}_bye` } },
    { id: 'end', type: 'flow.exit', config: {} },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'pause' },
    { source: 'pause', target: 'bye' },
    { source: 'bye', target: 'end' },
  ],
});

const order = (customerId: string) => ({
  type: 'order.placed',
  customerId,
  properties: {
    orderId: `o-${customerId}`,
    total: 50_000,
    paymentMethod: 'prepaid' as const,
    items: [],
  },
});

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('journey versions', () => {
  it('keeps customers already inside on their version while new entrants get the new one', async () => {
    const v1 = await t.publish(journey('v1'));
    await t.send(order('early'));
    await t.sleepDays(1);
    const v2 = await t.publish(journey('v2'), { journeyId: v1.journeyId });
    expect(v2.versionId).not.toBe(v1.versionId);
    await t.send(order('late'));

    const [early] = await t.runs('early');
    const [late] = await t.runs('late');
    expect(early).toMatchObject({ versionId: v1.versionId, status: 'running' });
    expect(late).toMatchObject({ versionId: v2.versionId, status: 'running' });

    await t.finishAll();
    expect((await t.messages('early')).map((m) => m.templateId)).toEqual(['v1_hello', 'v1_bye']);
    expect((await t.messages('late')).map((m) => m.templateId)).toEqual(['v2_hello', 'v2_bye']);
  });

  it('does not let a customer re-enter a journey with re-entry "once"', async () => {
    const { journeyId } = await t.publish({ ...journey('once'), name: 'Once only' });
    await t.send(order('repeat'));
    await t.send({
      ...order('repeat'),
      properties: { ...order('repeat').properties, orderId: 'o-repeat-2' },
    });
    const runs = (await t.runs('repeat')).filter((r) => r.journeyId === journeyId);
    expect(runs).toHaveLength(1);
  });
});
