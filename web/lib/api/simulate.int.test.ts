import { beforeAll, describe, expect, it } from 'vitest';
import { postPurchase45, type JourneyDocumentInput } from '@yatra/nodes';
import * as journeysRoute from '../../app/api/journeys/route';
import * as simulateRoute from '../../app/api/journeys/[id]/simulate/route';
import type { SimulationView } from '../editor/simulation';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from './test-helpers';

useRouteTestDb();

const MISSING = '00000000-0000-4000-8000-000000000000';

async function create(document: unknown): Promise<string> {
  const res = await journeysRoute.POST(jsonRequest('/api/journeys', 'POST', { document }), ctx({}));
  expect(res.status).toBe(201);
  return ((await bodyOf(res)).journey as { id: string }).id;
}

const simulateRequest = (id: string, body: unknown) =>
  simulateRoute.POST(jsonRequest(`/api/journeys/${id}/simulate`, 'POST', body), ctx({ id }));

/** A COD first order from Ravi in Lucknow (IST), delivered on day 3. */
const codRun = {
  customer: { id: 'cust_ravi', name: 'Ravi Kumar', language: 'hi', timeZone: 'Asia/Kolkata' },
  entryEvent: {
    type: 'order.placed',
    properties: { orderId: 'ORD-2001', total: 84900, paymentMethod: 'cod' },
  },
  events: [{ day: 3, type: 'order.delivered', properties: { orderId: 'ORD-2001' } }],
  enterAt: '2026-01-05T19:45',
};

describe('POST /api/journeys/:id/simulate', () => {
  let id = '';
  beforeAll(async () => {
    id = await create(postPurchase45);
  });

  it('runs the saved draft for a COD customer: path, timeline in local time, messages, exit', async () => {
    const res = await simulateRequest(id, codRun);
    expect(res.status).toBe(200);
    const view = (await res.json()) as SimulationView;

    expect(view.startAt).toBe('2026-01-05T14:15:00.000Z'); // 19:45 IST
    expect(view.visitedNodes).toEqual(
      expect.arrayContaining(['first_order', 'confirm', 'is_cod', 'cod_reassure', 'how_to_use']),
    );
    expect(view.visitedNodes).not.toContain('delivery_check');
    expect(view.traversed).toContainEqual({ source: 'is_cod', sourcePort: 'yes' });
    expect(view.traversed).not.toContainEqual({ source: 'is_cod', sourcePort: 'no' });
    expect(view.traversed).toContainEqual({ source: 'await_delivery', sourcePort: 'event' });

    const row = (nodeId: string, kind = 'step') =>
      view.rows.find((r) => r.nodeId === nodeId && r.kind === kind);
    expect(row('confirm')).toMatchObject({
      day: 0,
      time: '19:45',
      nodeLabel: 'Order confirmation',
      outcome: '→ next',
      messages: [
        {
          channel: 'whatsapp',
          templateId: 'order_confirmation',
          category: 'utility',
          variables: { name: 'Ravi Kumar', orderId: 'ORD-2001' },
        },
      ],
    });
    expect(row('is_cod')).toMatchObject({ outcome: '→ yes', messages: [] });
    expect(row('await_delivery', 'wait')).toMatchObject({
      day: 0,
      outcome: 'waits for order.delivered, at most until Day 7 · 19:45',
    });
    expect(row('await_delivery')).toMatchObject({
      day: 3,
      outcome: '→ event (on order.delivered)',
    });
    expect(row('how_to_use')?.messages.map((m) => m.templateId)).toEqual(['how_to_use']);
    // "Day 14 at 10:00" is the calendar day in the customer's time zone, as the wait means it.
    expect(row('day14')).toMatchObject({ day: 14, time: '10:00' });
    expect(view.exit).toMatchObject({ reason: 'window_end', nodeId: 'window_end', day: 45 });
    expect(view.rows.at(-1)).toMatchObject({ kind: 'exit', outcome: 'exits: window_end' });
    expect(view.messageCount).toBe(view.rows.flatMap((r) => r.messages).length);
    expect(view.warnings).toEqual([]);
  });

  it('runs the document sent with the request, not the saved draft', async () => {
    const doc: JourneyDocumentInput = {
      name: 'Short',
      goals: [{ id: 'second_order', event: 'order.placed' }],
      nodes: [
        { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
        {
          id: 'thanks',
          type: 'message.send',
          config: { channel: 'sms', templateId: 'thanks', variables: { who: '{{customer.name}}' } },
        },
        { id: 'end', type: 'flow.exit', config: { reason: 'completed' } },
      ],
      edges: [
        { source: 'start', sourcePort: 'next', target: 'thanks' },
        { source: 'thanks', sourcePort: 'next', target: 'end' },
      ],
    };
    const res = await simulateRequest(id, { ...codRun, document: doc, enterAt: undefined });
    expect(res.status).toBe(200);
    const view = (await res.json()) as SimulationView;
    expect(view.visitedNodes).toEqual(['start', 'thanks', 'end']);
    expect(view.rows.find((r) => r.nodeId === 'thanks')).toMatchObject({
      day: 0,
      time: '10:00', // the default entry: Monday 2026-01-05 10:00 in the customer's zone
      nodeLabel: 'Send message', // no label: the type's title, as on the canvas
      messages: [{ channel: 'sms', templateId: 'thanks', variables: { who: 'Ravi Kumar' } }],
    });
    expect(view.exit).toMatchObject({ reason: 'completed', nodeId: 'end', day: 0 });
  });

  it('says when the entry event is not the trigger, and runs anyway', async () => {
    const res = await simulateRequest(id, {
      ...codRun,
      entryEvent: { type: 'order.delivered', properties: { orderId: 'ORD-2001' } },
      events: [],
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as SimulationView;
    expect(view.warnings).toEqual([expect.stringContaining('starts on order.placed')]);
  });

  it('answers 400 naming each bad field', async () => {
    const bad = await simulateRequest(id, {
      customer: { id: 'c1', timeZone: 'India/Delhi', timezone: 'x' },
      entryEvent: { type: 'Order Placed', properties: {} },
      events: [{ day: -1, type: 'order.delivered' }],
    });
    expect(bad.status).toBe(400);
    const body = await bodyOf(bad);
    expect(body.error).toBe('The simulation request is invalid.');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'customer.timeZone', message: expect.stringContaining('Asia/Kolkata') },
        { path: 'customer', message: expect.stringContaining('timezone') },
        { path: 'entryEvent.type', message: 'event type like order.placed' },
        { path: 'events.0.day', message: 'day counts from entry and cannot be negative' },
      ]),
    );

    // Event properties follow the rules of POST /api/events.
    const props = await simulateRequest(id, {
      ...codRun,
      entryEvent: { type: 'order.placed', properties: { orderId: 'o1', total: 12.5 } },
      events: [{ day: 3, type: 'order.delivered', properties: {} }],
    });
    expect(props.status).toBe(400);
    expect((await bodyOf(props)).issues).toEqual(
      expect.arrayContaining([
        { path: 'entryEvent.properties.total', message: 'total is integer paise (₹1 = 100)' },
        { path: 'entryEvent.properties.paymentMethod', message: expect.any(String) },
        { path: 'events.0.properties.orderId', message: expect.any(String) },
      ]),
    );

    const doc = await simulateRequest(id, {
      ...codRun,
      document: { name: 'x', nodes: [{ id: 'a b' }] },
    });
    expect(doc.status).toBe(400);
    expect((await bodyOf(doc)).issues).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(/^document\.nodes\.0\./) }),
    );

    const notJson = await simulateRequest(id, '{ nope');
    expect(notJson.status).toBe(400);
    expect((await bodyOf(notJson)).error).toContain('not valid JSON');
  });

  it('answers 422 with the compile problems when the document does not compile', async () => {
    const broken = structuredClone(postPurchase45);
    broken.edges = (broken.edges ?? []).filter((e) => e.source !== 'delivery_check');
    const res = await simulateRequest(id, { ...codRun, document: broken });
    expect(res.status).toBe(422);
    const body = await bodyOf(res);
    expect(body.errors).toContainEqual(
      expect.objectContaining({ nodeId: 'delivery_check', code: 'port_unwired' }),
    );
  });

  it('answers 404 for an unknown journey', async () => {
    expect((await simulateRequest(MISSING, codRun)).status).toBe(404);
    expect((await simulateRequest('not-a-uuid', codRun)).status).toBe(404);
  });
});
