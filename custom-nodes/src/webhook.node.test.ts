import { HttpTimeoutError } from '@yatra/nodes';
import { fakeHttp, runNode } from '@yatra/nodes/testing';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from './sign';
import webhook from './webhook.node.ts';

const config = {
  url: 'https://hooks.test/yatra',
  event: 'crm.vip_tagged',
  data: { name: '{{customer.name}}', orderId: '{{trigger.properties.orderId}}' },
  timeoutSeconds: 2,
};
const ctx = {
  secrets: { WEBHOOK_SECRET: 'whsec_test' },
  facts: {
    trigger: {
      type: 'order.placed',
      customerId: 'c1',
      occurredAt: '2026-03-04T05:30:00.000Z',
      properties: { orderId: 'o-77' },
    },
  },
};

describe('acme.webhook', () => {
  it('POSTs a signed JSON event and takes sent on 2xx', async () => {
    const http = fakeHttp(() => ({ status: 204 }));
    const result = await runNode(webhook, config, { ctx: { ...ctx, http } });

    expect(result).toMatchObject({ port: 'sent', output: { status: 204 }, attempts: 1 });
    const [request] = http.requests;
    const body = JSON.parse(request?.body ?? '');
    expect(body).toMatchObject({
      id: 'run-1:node-1:1',
      event: 'crm.vip_tagged',
      customerId: 'c1',
      data: { name: 'Asha', orderId: 'o-77' },
    });
    // The receiver's check: HMAC-SHA256 over "<t>.<raw body>" with the shared secret.
    const t = Math.floor(new Date('2026-03-04T05:30:00.000Z').getTime() / 1000);
    const expected = await hmacSha256Hex('whsec_test', `${t}.${request?.body}`);
    expect(request?.headers?.['X-Yatra-Signature']).toBe(`t=${t},v1=${expected}`);
    expect(request?.headers?.['Idempotency-Key']).toBe('run-1:node-1:1');
    expect(request?.timeoutMs).toBe(2000);
  });

  it('takes failed on a 4xx at once', async () => {
    const http = fakeHttp(() => ({ status: 401 }));
    const result = await runNode(webhook, config, { ctx: { ...ctx, http } });
    expect(result).toMatchObject({ port: 'failed', attempts: 1, output: { status: 401 } });
  });

  it('retries a 5xx with identical signed bytes, then takes sent', async () => {
    const http = fakeHttp((_r, call) => ({ status: call === 1 ? 502 : 200 }));
    const result = await runNode(webhook, config, { ctx: { ...ctx, http } });
    expect(result).toMatchObject({ port: 'sent', attempts: 2 });
    const [first, second] = http.requests;
    expect(second?.body).toBe(first?.body);
    expect(second?.headers).toEqual(first?.headers);
  });

  it('retries a timed-out endpoint and takes timeout on the last attempt', async () => {
    const http = fakeHttp((request) => {
      throw new HttpTimeoutError(request.url, request.timeoutMs);
    });
    const result = await runNode(webhook, config, { ctx: { ...ctx, http } });
    expect(result).toMatchObject({ port: 'timeout', attempts: 3, failed: false });
    expect(result.output).toEqual({
      error: 'https://hooks.test/yatra did not answer within 2000 ms',
      attempts: 3,
    });
    expect(result.failures).toHaveLength(2);
  });

  it('takes failed when retries are spent on 5xx (failurePort)', async () => {
    const http = fakeHttp(() => ({ status: 503 }));
    const result = await runNode(webhook, config, { ctx: { ...ctx, http } });
    expect(result).toMatchObject({ port: 'failed', attempts: 3, failed: true });
  });

  it('names the missing secret and does not retry', async () => {
    const http = fakeHttp(() => ({ status: 200 }));
    const result = await runNode(webhook, config, { ctx: { http } });
    expect(result).toMatchObject({ port: 'failed', attempts: 1 });
    expect(result.output?.error).toMatch(/YATRA_SECRET_WEBHOOK_SECRET/);
    expect(http.requests).toHaveLength(0);
  });
});
