import { describe, expect, it } from 'vitest';
import { listJourneyVersions } from '@yatra/db';
import { postPurchase45, type JourneyDocumentInput } from '@yatra/nodes';
import * as journeysRoute from '../../app/api/journeys/route';
import * as journeyRoute from '../../app/api/journeys/[id]/route';
import * as publishRoute from '../../app/api/journeys/[id]/publish/route';
import * as versionsRoute from '../../app/api/journeys/[id]/versions/route';
import * as unpublishRoute from '../../app/api/journeys/[id]/unpublish/route';
import * as statsRoute from '../../app/api/journeys/[id]/stats/route';
import * as validateRoute from '../../app/api/journeys/validate/route';
import * as nodesRoute from '../../app/api/nodes/route';
import * as timelineRoute from '../../app/api/customers/[id]/timeline/route';
import * as messagesRoute from '../../app/api/messages/route';
import * as eventsRoute from '../../app/api/events/route';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from './test-helpers';

const t = useRouteTestDb();

const MISSING = '00000000-0000-4000-8000-000000000000';

/** A copy of the demo document with `edit` applied. */
function demo(edit: (doc: JourneyDocumentInput) => void = () => {}): JourneyDocumentInput {
  const doc = structuredClone(postPurchase45);
  edit(doc);
  return doc;
}

async function create(document: unknown): Promise<string> {
  const res = await journeysRoute.POST(jsonRequest('/api/journeys', 'POST', { document }), ctx({}));
  expect(res.status).toBe(201);
  const body = await bodyOf(res);
  return (body.journey as { id: string }).id;
}

const publish = (id: string) =>
  publishRoute.POST(jsonRequest(`/api/journeys/${id}/publish`, 'POST'), ctx({ id }));

type ErrorRow = { nodeId?: string; code: string; message: string; path?: string };

async function publishErrors(document: unknown): Promise<ErrorRow[]> {
  const id = await create(document);
  const res = await publish(id);
  expect(res.status).toBe(422);
  const body = await bodyOf(res);
  expect(body.error).toEqual(expect.any(String));
  expect(await listJourneyVersions(t.db, id)).toHaveLength(0);
  return body.errors as ErrorRow[];
}

describe('journeys API', () => {
  it('creates, lists, publishes v1 then v2, and lists versions', async () => {
    const id = await create(postPurchase45);

    const list = await bodyOf(
      await journeysRoute.GET(jsonRequest('/api/journeys', 'GET'), ctx({})),
    );
    expect(list.journeys).toContainEqual(
      expect.objectContaining({
        id,
        name: postPurchase45.name,
        status: 'draft',
        liveVersion: null,
      }),
    );

    const first = await publish(id);
    expect(first.status).toBe(201);
    const v1 = await bodyOf(first);
    expect(v1).toMatchObject({
      version: 1,
      journeyId: id,
      triggerEvent: 'order.placed',
      live: true,
    });
    expect(v1.id).toEqual(expect.any(String));
    expect(v1.publishedAt).toEqual(expect.any(String));
    expect(v1.facts).toMatchObject({ nodeCount: postPurchase45.nodes.length });
    expect((v1.facts as { maxMessagesPerCustomer: number }).maxMessagesPerCustomer).toBeGreaterThan(
      0,
    );

    const second = await publish(id);
    expect(second.status).toBe(201);
    expect(await bodyOf(second)).toMatchObject({ version: 2 });

    const versions = await bodyOf(
      await versionsRoute.GET(jsonRequest(`/api/journeys/${id}/versions`, 'GET'), ctx({ id })),
    );
    expect(versions.versions).toEqual([
      expect.objectContaining({ version: 2, live: true }),
      expect.objectContaining({ version: 1, live: false }),
    ]);

    const detail = await bodyOf(
      await journeyRoute.GET(jsonRequest(`/api/journeys/${id}`, 'GET'), ctx({ id })),
    );
    expect(detail.journey).toMatchObject({ id, status: 'live' });

    const off = await unpublishRoute.POST(jsonRequest('/', 'POST'), ctx({ id }));
    expect(off.status).toBe(200);
    expect((await bodyOf(off)).journey).toMatchObject({ id, status: 'draft', liveVersion: null });

    const stats = await bodyOf(
      await statsRoute.GET(jsonRequest(`/api/journeys/${id}/stats`, 'GET'), ctx({ id })),
    );
    expect(stats).toMatchObject({ journeyId: id, nodes: [] });
    expect(stats.versionIds).toHaveLength(2);
  });

  it('refuses to publish an unwired port, naming the node', async () => {
    const errors = await publishErrors(
      demo((doc) => {
        doc.edges = (doc.edges ?? []).filter((e) => !(e.source === 'csat'));
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: 'csat', code: 'port_unwired', path: 'next' }),
    );
  });

  it('refuses to publish a bad node config, naming the node and field', async () => {
    const errors = await publishErrors(
      demo((doc) => {
        const confirm = doc.nodes.find((n) => n.id === 'confirm');
        if (confirm) confirm.config = { channel: 'whatsapp', templateId: '' };
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: 'confirm', code: 'config_invalid', path: 'templateId' }),
    );
  });

  it('refuses to publish a wait longer than the journey window', async () => {
    const errors = await publishErrors(
      demo((doc) => {
        const wait = doc.nodes.find((n) => n.id === 'wait_csat');
        if (wait) wait.config = { mode: 'duration', duration: { amount: 60, unit: 'days' } };
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: 'wait_csat', code: 'wait_exceeds_window' }),
    );
  });

  it('validates a document without saving it', async () => {
    const ok = await bodyOf(
      await validateRoute.POST(
        jsonRequest('/api/journeys/validate', 'POST', postPurchase45),
        ctx({}),
      ),
    );
    expect(ok).toMatchObject({ ok: true, errors: [], triggerEvent: 'order.placed' });
    const bad = await bodyOf(
      await validateRoute.POST(
        jsonRequest('/api/journeys/validate', 'POST', {
          document: demo((doc) => {
            doc.edges = [];
          }),
        }),
        ctx({}),
      ),
    );
    expect(bad).toMatchObject({ ok: false, facts: null });
    expect(bad.errors).toContainEqual(
      expect.objectContaining({ nodeId: 'first_order', code: 'port_unwired' }),
    );
  });

  it('answers 400 for an invalid document, naming the field', async () => {
    const res = await journeysRoute.POST(
      jsonRequest('/api/journeys', 'POST', { document: { ...postPurchase45, name: '' } }),
      ctx({}),
    );
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).issues).toContainEqual(
      expect.objectContaining({ path: 'document.name' }),
    );
  });

  it('updates the draft and deletes a journey nobody entered', async () => {
    const id = await create(postPurchase45);
    const put = await journeyRoute.PUT(
      jsonRequest(
        `/api/journeys/${id}`,
        'PUT',
        demo((doc) => void (doc.name = 'Renamed')),
      ),
      ctx({ id }),
    );
    expect(put.status).toBe(200);
    expect((await bodyOf(put)).journey).toMatchObject({ name: 'Renamed', status: 'draft' });

    const del = await journeyRoute.DELETE(
      jsonRequest(`/api/journeys/${id}`, 'DELETE'),
      ctx({ id }),
    );
    expect(del.status).toBe(204);
    const gone = await journeyRoute.GET(jsonRequest(`/api/journeys/${id}`, 'GET'), ctx({ id }));
    expect(gone.status).toBe(404);
  });

  it('answers 404 JSON for unknown and malformed ids', async () => {
    for (const id of [MISSING, 'not-a-uuid']) {
      const get = await journeyRoute.GET(jsonRequest(`/api/journeys/${id}`, 'GET'), ctx({ id }));
      expect(get.status).toBe(404);
      expect(await bodyOf(get)).toMatchObject({ error: expect.any(String), issues: [] });
      expect((await publish(id)).status).toBe(404);
      const versions = await versionsRoute.GET(jsonRequest('/', 'GET'), ctx({ id }));
      expect(versions.status).toBe(404);
    }
  });
});

describe('nodes, timeline and outbox API', () => {
  it('describes node types without their code', async () => {
    const body = await bodyOf(await nodesRoute.GET(jsonRequest('/api/nodes', 'GET'), ctx({})));
    const nodes = body.nodes as Array<Record<string, unknown>>;
    expect(nodes.map((n) => n.type)).toEqual(
      expect.arrayContaining(['trigger.event', 'message.send']),
    );
    for (const n of nodes) {
      expect(n).not.toHaveProperty('run');
      expect(n.configSchema).toEqual(expect.any(Object));
    }
  });

  it('answers a customer timeline, 404 for unknown customers', async () => {
    const missing = await timelineRoute.GET(jsonRequest('/', 'GET'), ctx({ id: 'nobody' }));
    expect(missing.status).toBe(404);

    await eventsRoute.POST(
      jsonRequest('/api/events', 'POST', { type: 'app.opened', customerId: 'cust tl' }),
      ctx({}),
    );
    const res = await timelineRoute.GET(jsonRequest('/', 'GET'), ctx({ id: 'cust tl' }));
    expect(res.status).toBe(200);
    const body = await bodyOf(res);
    expect(body.customer).toMatchObject({ id: 'cust tl' });
    expect(body.items).toEqual([expect.objectContaining({ kind: 'event', type: 'app.opened' })]);
  });

  it('lists the outbox and validates its query', async () => {
    const ok = await messagesRoute.GET(
      jsonRequest('/api/messages?customerId=x&limit=5', 'GET'),
      ctx({}),
    );
    expect(ok.status).toBe(200);
    expect(await bodyOf(ok)).toEqual({ messages: [] });
    const bad = await messagesRoute.GET(jsonRequest('/api/messages?limit=0', 'GET'), ctx({}));
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).issues).toEqual([{ path: 'limit', message: expect.any(String) }]);
  });
});
