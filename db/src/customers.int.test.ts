import { describe, expect, it } from 'vitest';
import { migrateDb } from './migrate';
import {
  getCustomer,
  getOrder,
  getProduct,
  listCustomers,
  listOrdersForCustomer,
  listProducts,
  upsertCustomer,
  upsertProducts,
} from './queries/customers';
import { ingestEvents } from './queries/events';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

describe('customers, products, orders', () => {
  it('re-running migrations, even concurrently, is a no-op', async () => {
    await Promise.all([migrateDb(t.db), migrateDb(t.db)]);
  });

  it('upserts customers field by field', async () => {
    const created = await upsertCustomer(t.db, {
      id: 'c-1',
      name: 'Ravi',
      phone: '+919800000002',
      birthday: '1990-08-15',
      consent: { whatsapp: { utility: true } },
    });
    expect(created).toMatchObject({
      language: 'en',
      timeZone: 'Asia/Kolkata',
      birthday: '1990-08-15',
      attributes: {},
    });
    const updated = await upsertCustomer(t.db, { id: 'c-1', language: 'ta', email: null });
    expect(updated).toMatchObject({
      name: 'Ravi',
      phone: '+919800000002',
      language: 'ta',
      email: null,
      consent: { whatsapp: { utility: true } },
    });
    expect(await getCustomer(t.db, 'nope')).toBeNull();
    expect((await listCustomers(t.db)).map((c) => c.id)).toEqual(['c-1']);
  });

  it('upserts the catalogue', async () => {
    expect(
      await upsertProducts(t.db, [
        {
          sku: 'SERUM-30',
          name: 'Vitamin C serum 30 ml',
          pricePaise: 99_900,
          consumptionCycleDays: 22,
          stock: 40,
        },
        { sku: 'CLEANSER', name: 'Cleanser', pricePaise: 34_900 },
      ]),
    ).toBe(2);
    expect(
      await upsertProducts(t.db, [
        {
          sku: 'SERUM-30',
          name: 'Vitamin C serum 30 ml',
          pricePaise: 89_900,
          consumptionCycleDays: 22,
          stock: 12,
        },
      ]),
    ).toBe(1);
    expect(await getProduct(t.db, 'SERUM-30')).toMatchObject({
      pricePaise: 89_900,
      stock: 12,
      consumptionCycleDays: 22,
    });
    expect((await listProducts(t.db)).map((p) => p.sku)).toEqual(['CLEANSER', 'SERUM-30']);
    expect(await upsertProducts(t.db, [])).toBe(0);
  });

  it('keeps a customer’s orders', async () => {
    const placed = (key: string, orderId: string, iso: string, paymentMethod: string) => ({
      type: 'order.placed',
      customerId: 'c-1',
      occurredAt: new Date(iso),
      idempotencyKey: key,
      properties: { orderId, total: 34_900, paymentMethod, items: [{ sku: 'CLEANSER', qty: 1 }] },
    });
    await ingestEvents(t.db, [
      placed('p-2', 'o-2', '2025-05-20T00:00:00Z', 'prepaid'),
      placed('p-1', 'o-1', '2025-05-01T00:00:00Z', 'cod'),
    ]);
    expect((await listOrdersForCustomer(t.db, 'c-1')).map((o) => [o.id, o.paymentMethod])).toEqual([
      ['o-1', 'cod'],
      ['o-2', 'prepaid'],
    ]);
    expect((await getOrder(t.db, 'o-1'))?.items).toEqual([
      { orderId: 'o-1', sku: 'CLEANSER', qty: 1, pricePaise: null },
    ]);
    expect(await getOrder(t.db, 'missing')).toBeNull();
  });
});
