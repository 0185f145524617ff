import { describe, expect, it } from 'vitest';
import { getCustomer, listEvents, listOrdersForCustomer } from '@yatra/db';
import { POST } from '../../app/api/events/route';
import { acceptEvents } from './events';
import { ValidationError } from './errors';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from './test-helpers';

const t = useRouteTestDb();

const post = (body: unknown) => POST(jsonRequest('/api/events', 'POST', body), ctx({}));

const orderPlaced = (customerId: string, orderId: string, extra: Record<string, unknown> = {}) => ({
  type: 'order.placed',
  customerId,
  properties: {
    orderId,
    total: 129900,
    paymentMethod: 'cod',
    items: [{ sku: 'SERUM-30', qty: 1 }],
    customer: { name: 'Asha', phone: '+919812345678' },
    ...extra,
  },
});

describe('POST /api/events', () => {
  it('stores an event posted three times with one idempotency key once', async () => {
    const event = { ...orderPlaced('cust_dup', 'ord-dup-1'), idempotencyKey: 'ord-dup-1-placed' };
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(event);
      expect(res.status).toBe(202);
      answers.push(await bodyOf(res));
    }
    expect(answers[0]).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(answers[0]?.ids).toHaveLength(1);
    expect(answers[1]).toMatchObject({ accepted: 0, duplicates: 1, ids: [] });
    expect(answers[2]).toMatchObject({ accepted: 0, duplicates: 1, ids: [] });
    expect(await listEvents(t.db, { customerId: 'cust_dup' })).toHaveLength(1);
    expect(await listOrdersForCustomer(t.db, 'cust_dup')).toHaveLength(1);
    expect(await getCustomer(t.db, 'cust_dup')).toMatchObject({ name: 'Asha' });
  });

  it('answers 400 naming each bad field and stores nothing', async () => {
    const res = await post({
      type: 'order.placed',
      customerId: 'cust_bad',
      properties: { total: 12.5, paymentMethod: 'cod' },
    });
    expect(res.status).toBe(400);
    const body = await bodyOf(res);
    expect(body.error).toEqual(expect.any(String));
    const paths = (body.issues as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toContain('properties.total');
    expect(paths).toContain('properties.orderId');
    expect(await listEvents(t.db, { customerId: 'cust_bad' })).toHaveLength(0);
    expect(await getCustomer(t.db, 'cust_bad')).toBeNull();
  });

  it('rejects a whole batch when one event is bad, naming its index', async () => {
    const res = await post({
      events: [
        orderPlaced('cust_batch', 'ord-b-1'),
        orderPlaced('cust_batch', 'ord-b-2', { total: 12.5 }),
      ],
    });
    expect(res.status).toBe(400);
    const body = await bodyOf(res);
    expect(body.issues).toEqual([
      { path: 'events.1.properties.total', message: expect.any(String) },
    ]);
    expect(await listEvents(t.db, { customerId: 'cust_batch' })).toHaveLength(0);
  });

  it('names the field of a bare event even when the body shape is ambiguous', async () => {
    const res = await post({ type: 'app.opened' });
    expect(res.status).toBe(400);
    const body = await bodyOf(res);
    expect(body.issues).toEqual([{ path: 'customerId', message: expect.any(String) }]);
  });

  it('accepts arrays, generating idempotency keys and occurredAt', async () => {
    const before = Date.now();
    const res = await post([
      { type: 'app.opened', customerId: 'cust_arr' },
      { type: 'app.opened', customerId: 'cust_arr', occurredAt: '2025-01-02T03:04:05+05:30' },
    ]);
    expect(res.status).toBe(202);
    const body = await bodyOf(res);
    expect(body).toMatchObject({ accepted: 2, duplicates: 0 });
    const keys = body.idempotencyKeys as string[];
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    const rows = await listEvents(t.db, { customerId: 'cust_arr' });
    const times = rows.map((r) => r.occurredAt.toISOString()).sort();
    expect(times[0]).toBe('2025-01-01T21:34:05.000Z');
    expect(new Date(times[1]!).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await post('{"type":');
    expect(res.status).toBe(400);
    expect(await bodyOf(res)).toMatchObject({ error: expect.stringContaining('JSON'), issues: [] });
  });

  it('acceptEvents throws a ValidationError the handler maps to 400', async () => {
    await expect(acceptEvents(t.db, [])).rejects.toBeInstanceOf(ValidationError);
  });
});
