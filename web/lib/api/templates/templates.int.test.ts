import { describe, expect, it } from 'vitest';
import {
  createRun,
  finishRun,
  insertMessageOnce,
  listJourneyVersions,
  upsertCustomer,
} from '@yatra/db';
import { postPurchase45, type JourneyDocumentInput } from '@yatra/nodes';
import { demoTemplates } from '@yatra/worker/seed-templates';
import * as templatesRoute from '../../../app/api/templates/route';
import * as templateRoute from '../../../app/api/templates/[id]/route';
import * as pricesRoute from '../../../app/api/settings/prices/route';
import * as journeysRoute from '../../../app/api/journeys/route';
import * as publishRoute from '../../../app/api/journeys/[id]/publish/route';
import * as unpublishRoute from '../../../app/api/journeys/[id]/unpublish/route';
import * as validateRoute from '../../../app/api/journeys/validate/route';
import * as costRoute from '../../../app/api/journeys/[id]/messaging-cost/route';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from '../test-helpers';

const t = useRouteTestDb();

const post = (body: unknown) =>
  templatesRoute.POST(jsonRequest('/api/templates', 'POST', body), ctx({}));
const put = (id: string, body: unknown) =>
  templateRoute.PUT(jsonRequest(`/api/templates/${id}`, 'PUT', body), ctx({ id }));
const get = (id: string) =>
  templateRoute.GET(jsonRequest(`/api/templates/${id}`, 'GET'), ctx({ id }));

const confirmation = demoTemplates.find((x) => x.id === 'order_confirmation');
type Issue = { path: string; message: string };

async function issuesOf(response: Response): Promise<Issue[]> {
  expect(response.status).toBe(400);
  return (await bodyOf(response)).issues as Issue[];
}

describe('templates API', () => {
  it('creates, lists by channel, reads, replaces and deletes', async () => {
    const created = await post(confirmation);
    expect(created.status).toBe(201);
    expect((await bodyOf(created)).template).toMatchObject({
      id: 'order_confirmation',
      variables: ['name', 'orderId'],
      variants: [{ language: 'en' }, { language: 'hi' }, { language: 'ta' }],
    });
    expect((await post(confirmation)).status).toBe(409);

    const sms = demoTemplates.find((x) => x.id === 'order_shipped_sms');
    expect((await post(sms)).status).toBe(201);
    const list = await bodyOf(
      await templatesRoute.GET(jsonRequest('/api/templates?channel=sms', 'GET'), ctx({})),
    );
    expect((list.templates as { id: string }[]).map((x) => x.id)).toEqual(['order_shipped_sms']);
    expect(
      (await templatesRoute.GET(jsonRequest('/api/templates?channel=fax', 'GET'), ctx({}))).status,
    ).toBe(400);

    const { id: _id, ...withoutId } = sms!;
    const replaced = await put('order_shipped_sms', { ...withoutId, name: 'Shipped!' });
    expect(replaced.status).toBe(200);
    expect((await bodyOf(await get('order_shipped_sms'))).template).toMatchObject({
      name: 'Shipped!',
    });
    expect(await issuesOf(await put('order_shipped_sms', { ...sms, id: 'other' }))).toEqual([
      { path: 'id', message: expect.stringMatching(/from the URL/) },
    ]);
    expect((await put('ghost', sms)).status).toBe(404);

    const gone = await templateRoute.DELETE(
      jsonRequest('/', 'DELETE'),
      ctx({ id: 'order_shipped_sms' }),
    );
    expect(gone.status).toBe(204);
    expect((await get('order_shipped_sms')).status).toBe(404);
  });

  it('explains, with paths, what would go wrong at send time', async () => {
    const base = {
      id: 'bad_one',
      name: 'Bad',
      channel: 'whatsapp',
      category: 'utility',
      defaultLanguage: 'en',
      variables: ['name'],
    };
    expect(
      await issuesOf(
        await post({
          ...base,
          variants: [{ language: 'hi', body: 'Hi {{name}}, {{points}} points' }],
        }),
      ),
    ).toEqual([
      {
        path: 'variants.0.body',
        message: '{{points}} is not a declared variable (declared: name)',
      },
      { path: 'variants', message: expect.stringMatching(/default language "en"/) },
    ]);
    expect(
      await issuesOf(
        await post({ ...base, variants: [{ language: 'en', body: 'x'.repeat(1025) }] }),
      ),
    ).toEqual([
      {
        path: 'variants.0.body',
        message: 'a WhatsApp body has at most 1024 characters (this one has 1025)',
      },
    ]);
    const smsIssues = await issuesOf(
      await post({ ...base, channel: 'sms', variants: [{ language: 'en', body: 'Hi {{name}}' }] }),
    );
    expect(smsIssues).toEqual([
      {
        path: 'variants.0.dltTemplateId',
        message: expect.stringMatching(/DLT content template id/),
      },
    ]);
    const shapes = await issuesOf(
      await post({ ...base, id: 'Bad Id', category: 'promo', variants: [] }),
    );
    expect(shapes.map((i) => i.path).sort()).toEqual(['category', 'id', 'variants']);
  });
});

async function createJourney(document: unknown): Promise<string> {
  const res = await journeysRoute.POST(jsonRequest('/api/journeys', 'POST', { document }), ctx({}));
  expect(res.status).toBe(201);
  return ((await bodyOf(res)).journey as { id: string }).id;
}

/** The playbook with the confirmation step's variables replaced. */
function withConfirmVariables(variables: Record<string, string>): JourneyDocumentInput {
  const doc = structuredClone(postPurchase45);
  const confirm = doc.nodes.find((n) => n.id === 'confirm');
  confirm!.config = { ...(confirm!.config as object), variables };
  return doc;
}

const validate = async (document: unknown) =>
  bodyOf(
    await validateRoute.POST(jsonRequest('/api/journeys/validate', 'POST', { document }), ctx({})),
  );

describe('publishing against the registry', () => {
  it('refuses a send step whose template variables have no source, on the step', async () => {
    if ((await get('order_confirmation')).status === 404) await post(confirmation);
    const doc = withConfirmVariables({ name: '{{customer.nmae}}' });
    const id = await createJourney(doc);
    const res = await publishRoute.POST(
      jsonRequest(`/api/journeys/${id}/publish`, 'POST'),
      ctx({ id }),
    );
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).errors).toEqual([
      {
        code: 'template_variable_missing',
        nodeId: 'confirm',
        path: 'variables.name',
        message: expect.stringMatching(/^\{\{name\}\} ← customer\.nmae: customer has no "nmae"/),
      },
      {
        code: 'template_variable_missing',
        nodeId: 'confirm',
        path: 'variables.orderId',
        message:
          'Template "order_confirmation" needs {{orderId}}: map it to a value, e.g. {{customer.name}}.',
      },
    ]);
    expect(await listJourneyVersions(t.db, id)).toHaveLength(0);

    // The canvas hears the same on every change, before anyone presses Publish.
    const report = await validate(doc);
    expect(report.ok).toBe(false);
    expect((report.errors as { code: string }[]).map((e) => e.code)).toEqual([
      'template_variable_missing',
      'template_variable_missing',
    ]);
  });

  it('publishes unregistered templates with a warning, and prices the journey', async () => {
    const id = await createJourney(postPurchase45);
    const res = await publishRoute.POST(
      jsonRequest(`/api/journeys/${id}/publish`, 'POST'),
      ctx({ id }),
    );
    expect(res.status).toBe(201);

    const report = await validate(postPurchase45);
    expect(report.ok).toBe(true);
    const warnings = report.warnings as { code: string; nodeId: string }[];
    // order_confirmation is registered (test above); the other six send steps are not.
    expect(warnings.filter((w) => w.code === 'template_unregistered')).toHaveLength(6);
    expect(warnings.some((w) => w.nodeId === 'confirm')).toBe(false);
    expect(report.cost).toMatchObject({ typicalMillipaise: 125_700, worstMillipaise: 238_000 });

    // Marketing WhatsApp at ₹1.00 instead of ₹0.96 moves both figures.
    const bad = await pricesRoute.PUT(
      jsonRequest('/api/settings/prices', 'PUT', {
        prices: [{ channel: 'whatsapp', category: 'marketing', priceMillipaise: -1 }],
      }),
      ctx({}),
    );
    expect(await issuesOf(bad)).toEqual([
      { path: 'prices.0.priceMillipaise', message: 'a price cannot be negative' },
    ]);
    const saved = await pricesRoute.PUT(
      jsonRequest('/api/settings/prices', 'PUT', {
        prices: [{ channel: 'whatsapp', category: 'marketing', priceMillipaise: 100_000 }],
      }),
      ctx({}),
    );
    expect(saved.status).toBe(200);
    expect((await bodyOf(saved)).prices).toHaveLength(12);
    expect((await validate(postPurchase45)).cost).toMatchObject({
      typicalMillipaise: 125_700 + 0.5 * 1.9 * 4_000,
      worstMillipaise: 238_000 + 2 * 4_000,
    });
    const all = await bodyOf(await pricesRoute.GET(jsonRequest('/', 'GET'), ctx({})));
    expect(all.prices).toContainEqual(
      expect.objectContaining({
        channel: 'whatsapp',
        category: 'marketing',
        priceMillipaise: 100_000,
      }),
    );
  });
});

describe('deleting a template', () => {
  it('is refused while a live journey sends it, naming the journey; allowed once it is off air', async () => {
    if ((await get('order_confirmation')).status === 404) await post(confirmation);
    const doc = { ...withConfirmVariables({ name: '{{customer.name}}', orderId: '{{order.id}}' }) };
    doc.name = 'Sends the confirmation';
    const id = await createJourney(doc);
    const published = await publishRoute.POST(
      jsonRequest(`/api/journeys/${id}/publish`, 'POST'),
      ctx({ id }),
    );
    expect(published.status).toBe(201);
    // Other tests of this file may have left live journeys on it too: take them off air first.
    const others = await bodyOf(
      await journeysRoute.GET(jsonRequest('/api/journeys', 'GET'), ctx({})),
    );
    for (const j of others.journeys as { id: string; status: string }[])
      if (j.id !== id && j.status === 'live')
        await unpublishRoute.POST(jsonRequest('/', 'POST'), ctx({ id: j.id }));

    const del = () =>
      templateRoute.DELETE(jsonRequest('/', 'DELETE'), ctx({ id: 'order_confirmation' }));
    const refused = await del();
    expect(refused.status).toBe(409);
    expect((await bodyOf(refused)).error).toBe(
      'Template order_confirmation is still sent by "Sends the confirmation"; unpublish those journeys (and let customers inside finish) before deleting it.',
    );
    expect((await get('order_confirmation')).status).toBe(200);

    // Off air, but a customer is still inside that version: still refused.
    const versionId = (await bodyOf(published)).id as string;
    await upsertCustomer(t.db, { id: 'inside' });
    const { run } = await createRun(t.db, {
      journeyId: id,
      versionId,
      customerId: 'inside',
      entryEventId: null,
      workflowId: `journey/${id}/inside/1`,
      enteredAt: new Date(),
    });
    const off = await unpublishRoute.POST(jsonRequest('/', 'POST'), ctx({ id }));
    expect(off.status).toBe(200);
    expect((await del()).status).toBe(409);

    await finishRun(t.db, run.id, {
      status: 'completed',
      exitReason: 'window_end',
      exitedAt: new Date(),
    });
    expect((await del()).status).toBe(204);
    expect((await get('order_confirmation')).status).toBe(404);
  });
});

describe('actual messaging cost', () => {
  it('sums what a journey sent at today prices, per journey and per step', async () => {
    const id = await createJourney(postPurchase45);
    const send = (key: string, nodeId: string, category: string, status: string) =>
      insertMessageOnce(t.db, {
        idempotencyKey: key,
        journeyId: id,
        nodeId,
        customerId: key,
        channel: 'whatsapp',
        templateId: nodeId,
        category,
        status,
        createdAt: new Date(),
      });
    await send('a', 'confirm', 'utility', 'delivered');
    await send('b', 'confirm', 'utility', 'read');
    await send('c', 'cross_sell', 'marketing', 'sent');
    await send('d', 'cross_sell', 'marketing', 'failed');

    const body = await bodyOf(
      await costRoute.GET(jsonRequest(`/api/journeys/${id}/messaging-cost`, 'GET'), ctx({ id })),
    );
    // 2 × 11,500 + 100,000 (the marketing price set above); the failed one is free.
    expect(body).toEqual({
      journeyId: id,
      total: { messages: 3, costMillipaise: 123_000, unpriced: 0 },
      nodes: [
        {
          nodeId: 'confirm',
          channel: 'whatsapp',
          messages: 2,
          costMillipaise: 23_000,
          unpriced: 0,
        },
        {
          nodeId: 'cross_sell',
          channel: 'whatsapp',
          messages: 1,
          costMillipaise: 100_000,
          unpriced: 0,
        },
      ],
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await costRoute.GET(jsonRequest('/', 'GET'), ctx({ id: missing }))).status).toBe(404);
  });
});
