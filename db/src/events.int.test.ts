import { describe, expect, it } from 'vitest';
import { getCustomer, getOrder } from './queries/customers';
import {
  claimEventBatch,
  countUndispatched,
  ingestEvents,
  listEvents,
  type IngestEventInput,
} from './queries/events';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

const at = (iso: string) => new Date(iso);

function orderPlaced(key: string, customerId: string, orderId: string): IngestEventInput {
  return {
    type: 'order.placed',
    customerId,
    occurredAt: at('2025-01-01T10:00:00+05:30'),
    idempotencyKey: key,
    properties: {
      orderId,
      total: 129_900,
      paymentMethod: 'cod',
      items: [
        { sku: 'SERUM-30', qty: 1, price: 99_900 },
        { sku: 'CLEANSER', qty: 2, price: 15_000 },
      ],
      customer: { name: 'Asha', phone: '+919800000001', language: 'mr' },
    },
  };
}

describe('ingestEvents', () => {
  it('stores an event once per idempotency key and applies its order effect once', async () => {
    const first = await ingestEvents(t.db, [orderPlaced('k-1', 'c-1', 'o-1')]);
    expect(first.accepted).toHaveLength(1);
    expect(first.duplicates).toEqual([]);

    const second = await ingestEvents(t.db, [orderPlaced('k-1', 'c-1', 'o-1')]);
    const third = await ingestEvents(t.db, [
      orderPlaced('k-1', 'c-1', 'o-1'),
      orderPlaced('k-1', 'c-1', 'o-1'),
    ]);
    expect(second).toEqual({ accepted: [], duplicates: ['k-1'] });
    expect(third).toEqual({ accepted: [], duplicates: ['k-1', 'k-1'] });

    const rows = await listEvents(t.db, { customerId: 'c-1' });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(first.accepted[0]?.id);
    expect(typeof rows[0]?.id).toBe('number');

    const order = await getOrder(t.db, 'o-1');
    expect(order).toMatchObject({
      customerId: 'c-1',
      status: 'placed',
      paymentMethod: 'cod',
      totalPaise: 129_900,
    });
    expect(order?.items.map((i) => [i.sku, i.qty, i.pricePaise])).toEqual([
      ['CLEANSER', 2, 15_000],
      ['SERUM-30', 1, 99_900],
    ]);
    expect(await getCustomer(t.db, 'c-1')).toMatchObject({
      name: 'Asha',
      phone: '+919800000001',
      language: 'mr',
      timeZone: 'Asia/Kolkata',
    });
  });

  it('treats a key repeated inside one batch as a duplicate', async () => {
    const result = await ingestEvents(t.db, [
      {
        type: 'cart.updated',
        customerId: 'c-2',
        occurredAt: at('2025-01-02T00:00:00Z'),
        idempotencyKey: 'dup',
        properties: {},
      },
      {
        type: 'cart.updated',
        customerId: 'c-2',
        occurredAt: at('2025-01-02T00:00:00Z'),
        idempotencyKey: 'dup',
        properties: {},
      },
      {
        type: 'cart.updated',
        customerId: 'c-2',
        occurredAt: at('2025-01-02T00:00:01Z'),
        idempotencyKey: 'other',
        properties: {},
      },
    ]);
    expect(result.accepted.map((a) => a.idempotencyKey)).toEqual(['dup', 'other']);
    expect(result.duplicates).toEqual(['dup']);
    expect(await getCustomer(t.db, 'c-2')).toMatchObject({ id: 'c-2', name: null, language: 'en' });
  });

  it('moves order status forward only and records delivery time', async () => {
    await ingestEvents(t.db, [orderPlaced('k-o2', 'c-3', 'o-2')]);
    const statusEvent = (type: string, key: string, iso: string): IngestEventInput => ({
      type,
      customerId: 'c-3',
      occurredAt: at(iso),
      idempotencyKey: key,
      properties: { orderId: 'o-2' },
    });
    await ingestEvents(t.db, [
      statusEvent('order.shipped', 's', '2025-01-02T09:00:00Z'),
      statusEvent('order.delivered', 'd', '2025-01-04T09:00:00Z'),
    ]);
    expect(await getOrder(t.db, 'o-2')).toMatchObject({
      status: 'delivered',
      deliveredAt: at('2025-01-04T09:00:00Z'),
    });

    await ingestEvents(t.db, [
      statusEvent('order.out_for_delivery', 'late', '2025-01-03T09:00:00Z'),
    ]);
    expect((await getOrder(t.db, 'o-2'))?.status).toBe('delivered');

    await ingestEvents(t.db, [
      statusEvent('order.returned', 'r', '2025-01-09T09:00:00Z'),
      statusEvent('order.cancelled', 'c', '2025-01-10T09:00:00Z'),
    ]);
    expect((await getOrder(t.db, 'o-2'))?.status).toBe('returned');
  });
});

describe('claimEventBatch', () => {
  it('hands disjoint rows to concurrent dispatchers, marks successes and records failures', async () => {
    // Drain what the tests above stored.
    await claimEventBatch(t.db, 1000, async (rows) => rows.map((r) => ({ id: r.id, ok: true })));
    expect(await countUndispatched(t.db)).toBe(0);

    const batch = Array.from({ length: 6 }, (_, i) => ({
      type: 'custom.ping',
      customerId: 'c-claim',
      occurredAt: at('2025-02-01T00:00:00Z'),
      idempotencyKey: `claim-${i}`,
      properties: { i },
    }));
    const { accepted } = await ingestEvents(t.db, batch);
    const ids = accepted.map((a) => a.id);

    let releaseFirst: () => void = () => undefined;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstClaimed: number[] = [];
    const first = claimEventBatch(t.db, 3, async (rows) => {
      firstClaimed = rows.map((r) => r.id);
      await firstHolds; // keep the row locks while the second dispatcher runs
      return rows.map((r) => ({
        id: String(r.id),
        ok: r.id !== ids[1],
        error: 'temporal unavailable',
      }));
    });
    await expect.poll(() => firstClaimed.length).toBe(3);

    let secondClaimed: number[] = [];
    const second = await claimEventBatch(t.db, 10, async (rows) => {
      secondClaimed = rows.map((r) => r.id);
      return rows.map((r) => ({ id: BigInt(r.id), ok: true }));
    });
    releaseFirst();
    expect(await first).toEqual({ claimed: 3, dispatched: 2, failed: 1 });
    expect(second).toEqual({ claimed: 3, dispatched: 3, failed: 0 });
    expect(firstClaimed).toEqual(ids.slice(0, 3));
    expect(secondClaimed).toEqual(ids.slice(3));

    expect(await countUndispatched(t.db)).toBe(1);
    const failed = (await listEvents(t.db, { customerId: 'c-claim' })).find((e) => e.id === ids[1]);
    expect(failed).toMatchObject({
      dispatchedAt: null,
      dispatchAttempts: 1,
      lastError: 'temporal unavailable',
    });

    // The failed event comes back first next time; maxAttempts parks it once it has failed enough.
    expect(await claimEventBatch(t.db, 10, async () => [], { maxAttempts: 1 })).toEqual({
      claimed: 0,
      dispatched: 0,
      failed: 0,
    });
    const retry = await claimEventBatch(t.db, 10, async (rows) =>
      rows.map((r) => ({ id: r.id, ok: true })),
    );
    expect(retry).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(await countUndispatched(t.db)).toBe(0);
  });

  it('leaves rows unmarked when the handler throws', async () => {
    await ingestEvents(t.db, [
      {
        type: 'x',
        customerId: 'c-x',
        occurredAt: new Date(),
        idempotencyKey: 'throws',
        properties: {},
      },
    ]);
    await expect(
      claimEventBatch(t.db, 10, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countUndispatched(t.db)).toBe(1);
  });
});
