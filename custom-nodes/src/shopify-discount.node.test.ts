import { describe, expect, it } from 'vitest';
import { fakeHttp, runNode } from '@yatra/nodes/testing';
import shopifyDiscountV1 from './shopify-discount-v1.node.ts';
import shopifyDiscount from './shopify-discount.node.ts';

const config = { shopUrl: 'https://shop.test/admin/api/2024-10/', value: 15 };
const secrets = { SHOP_TOKEN: 'shpat_test' };
const created = (code: string) => ({ status: 201, body: { discount_code: { code, id: 9 } } });

describe('acme.shopify_discount', () => {
  it('POSTs the code with the step idempotency key and outputs the code the shop confirms', async () => {
    const http = fakeHttp(() => created('THANKS-ABC'));
    const result = await runNode(shopifyDiscount, config, { ctx: { http, secrets } });

    expect(result).toMatchObject({ port: 'next', attempts: 1, failed: false });
    expect(result.output).toEqual({
      code: 'THANKS-ABC',
      valueType: 'percentage',
      value: 15,
      endsAt: '2026-03-18T05:30:00.000Z', // 14 days after the step
    });
    const [request] = http.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://shop.test/admin/api/2024-10/discount_codes.json',
    });
    expect(request?.headers).toMatchObject({
      'Idempotency-Key': 'run-1:node-1:1',
      'X-Shopify-Access-Token': 'shpat_test',
    });
    const body = JSON.parse(request?.body ?? '');
    expect(body.discount_code).toMatchObject({
      value_type: 'percentage',
      value: 15,
      customer_id: 'c1',
      usage_limit: 1,
    });
    expect(body.discount_code.code).toMatch(/^THANKS-[0-9A-Z]+$/);
  });

  it('retries a 5xx with the same key and the same code, then succeeds', async () => {
    const http = fakeHttp((_request, call) => (call < 3 ? { status: 503 } : created('THANKS-1')));
    const result = await runNode(shopifyDiscount, config, { ctx: { http, secrets } });

    expect(result).toMatchObject({ port: 'next', attempts: 3, output: { code: 'THANKS-1' } });
    expect(result.failures.map((e) => e.message)).toEqual([
      'shop answered 503; the step will be retried',
      'shop answered 503; the step will be retried',
    ]);
    const keys = http.requests.map((r) => r.headers?.['Idempotency-Key']);
    expect(new Set(keys)).toEqual(new Set(['run-1:node-1:1']));
    expect(new Set(http.requests.map((r) => r.body)).size).toBe(1);
  });

  it('takes failed on a 4xx without retrying', async () => {
    const http = fakeHttp(() => ({ status: 422, body: { errors: 'percent_off too high' } }));
    const result = await runNode(shopifyDiscount, config, { ctx: { http, secrets } });

    expect(result).toMatchObject({ port: 'failed', attempts: 1, output: { status: 422 } });
    expect(http.requests).toHaveLength(1);
    expect(result.record.logs[0]?.message).toMatch(/shop refused the code \(422\)/);
  });

  it('takes failed after its 4 attempts when the shop stays down', async () => {
    const http = fakeHttp(() => ({ status: 500 }));
    const result = await runNode(shopifyDiscount, config, { ctx: { http, secrets } });

    expect(result).toMatchObject({ port: 'failed', attempts: 4, failed: true });
    expect(result.output).toEqual({ error: 'shop answered 500; the step will be retried' });
  });

  it('stops at once when the token secret is missing (non-retryable)', async () => {
    const http = fakeHttp(() => created('X'));
    const result = await runNode(shopifyDiscount, config, { ctx: { http } });

    expect(result).toMatchObject({ port: 'failed', attempts: 1, failed: true });
    expect(result.output?.error).toMatch(/YATRA_SECRET_SHOP_TOKEN/);
    expect(http.requests).toHaveLength(0);
  });

  it('shows the code it would create when the host has no HTTP (the canvas simulator)', async () => {
    const result = await runNode(shopifyDiscount, config);
    expect(result.port).toBe('next');
    expect(result.output).toMatchObject({
      simulated: true,
      code: expect.stringMatching(/^THANKS-/),
    });
  });

  it('refuses a config like the worker does, naming the path', async () => {
    await expect(runNode(shopifyDiscount, { ...config, value: 95 })).rejects.toThrow(
      'Config of acme.shopify_discount is invalid: value: a percentage discount is at most 90',
    );
    const http = fakeHttp(() => created('THANKS-150'));
    const fixed = await runNode(
      shopifyDiscount,
      { ...config, valueType: 'fixed_amount', value: 150 },
      { ctx: { http, secrets } },
    );
    expect(fixed.output).toMatchObject({ valueType: 'fixed_amount', value: 150 });
    expect(fixed.output).toMatchObject({ valueType: 'fixed_amount', value: 150 });
  });

  it('v2 migrates a v1 config, and v1 (kept for published journeys) still asks for the same code', async () => {
    const v1Config = { shopUrl: config.shopUrl, percentOff: 15, prefix: 'VIP' };
    const migrated = shopifyDiscount.migrate?.(v1Config, 1);
    expect(migrated).toEqual({
      shopUrl: config.shopUrl,
      prefix: 'VIP',
      validDays: 14,
      tokenSecret: 'SHOP_TOKEN',
      valueType: 'percentage',
      value: 15,
    });
    const ask = async (node: typeof shopifyDiscount, nodeConfig: unknown) => {
      const http = fakeHttp(() => created('VIP-1'));
      await runNode(node, nodeConfig, { ctx: { http, secrets } });
      return JSON.parse(http.requests[0]?.body ?? '');
    };
    expect(await ask(shopifyDiscountV1, v1Config)).toEqual(await ask(shopifyDiscount, migrated));
  });
});
