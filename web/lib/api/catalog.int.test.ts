import { describe, expect, it } from 'vitest';
import { getCustomer, getProduct } from '@yatra/db';
import { POST as postCustomer } from '../../app/api/customers/route';
import { GET as getProducts, POST as postProducts } from '../../app/api/products/route';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from './test-helpers';

// The seeding endpoints QA suites and catalogue syncs call: real route handlers, real PostgreSQL.
const t = useRouteTestDb();

describe('POST /api/customers', () => {
  it('creates a customer, then updates only the fields sent', async () => {
    const first = await postCustomer(
      jsonRequest('/api/customers', 'POST', {
        id: 'cust_seed',
        name: 'Asha',
        phone: '+919812345678',
        timeZone: 'Asia/Kolkata',
        birthday: '1994-03-21',
        attributes: { city: 'Pune' },
      }),
      ctx({}),
    );
    expect(first.status).toBe(200);
    expect((await bodyOf(first)).customer).toMatchObject({ id: 'cust_seed', name: 'Asha' });
    await postCustomer(
      jsonRequest('/api/customers', 'POST', { id: 'cust_seed', language: 'mr' }),
      ctx({}),
    );
    expect(await getCustomer(t.db, 'cust_seed')).toMatchObject({
      name: 'Asha',
      language: 'mr',
      birthday: '1994-03-21',
      attributes: { city: 'Pune' },
    });
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const res = await postCustomer(
      jsonRequest('/api/customers', 'POST', {
        id: 'cust_bad',
        phone: '98123',
        timeZone: 'Mumbai',
        vip: true,
      }),
      ctx({}),
    );
    expect(res.status).toBe(400);
    const { issues } = await bodyOf(res);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'phone', message: 'phone must be E.164, e.g. +919812345678' },
        {
          path: 'timeZone',
          message: 'unknown time zone "Mumbai"; use an IANA name like Asia/Kolkata',
        },
        expect.objectContaining({ message: expect.stringContaining('vip') }),
      ]),
    );
    expect(await getCustomer(t.db, 'cust_bad')).toBeNull();
  });
});

describe('/api/products', () => {
  it('upserts by SKU from `{ products }`, an array or one product, and lists them', async () => {
    const post = (body: unknown) =>
      postProducts(jsonRequest('/api/products', 'POST', body), ctx({}));
    const res = await post({
      products: [
        { sku: 'SERUM-30', name: 'Serum', pricePaise: 129_900, consumptionCycleDays: 22 },
        { sku: 'SPF-50', name: 'Sunscreen', pricePaise: 59_900, stock: 12 },
      ],
    });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toEqual({ written: 2 });
    expect(
      await bodyOf(await post({ sku: 'SPF-50', name: 'Sunscreen 50', pricePaise: 64_900 })),
    ).toEqual({ written: 1 });
    expect(await getProduct(t.db, 'SPF-50')).toMatchObject({ name: 'Sunscreen 50', stock: 0 });
    const listed = await bodyOf(await getProducts(jsonRequest('/api/products', 'GET'), ctx({})));
    expect(listed.products).toEqual([
      expect.objectContaining({ sku: 'SERUM-30', consumptionCycleDays: 22 }),
      expect.objectContaining({ sku: 'SPF-50', pricePaise: 64_900 }),
    ]);
  });

  it('answers 400 with the path of a bad row and stores none of the batch', async () => {
    const res = await postProducts(
      jsonRequest('/api/products', 'POST', [
        { sku: 'OK-1', name: 'Fine', pricePaise: 100 },
        { sku: 'BAD-1', name: 'Half a rupee', pricePaise: 12.5 },
      ]),
      ctx({}),
    );
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).issues).toEqual([
      { path: '1.pricePaise', message: 'pricePaise is integer paise (₹1 = 100)' },
    ]);
    expect(await getProduct(t.db, 'OK-1')).toBeNull();
  });
});
