// The discount node on the real interpreter, worker and time-skipping Temporal server, against a
// real local HTTP "shop" that honours Idempotency-Key the way Shopify-style APIs do.
import { runJourneyWithNode } from '@yatra/worker/testing/run-journey-with-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import shopifyDiscount from './shopify-discount.node.ts';
import { startLocalEndpoint, type EndpointAnswer } from './testing/local-endpoint';

describe('acme.shopify_discount in a journey', () => {
  const created = new Map<string, EndpointAnswer>(); // Idempotency-Key → first answer
  let endpoint: Awaited<ReturnType<typeof startLocalEndpoint>>;

  beforeAll(async () => {
    process.env.YATRA_SECRET_SHOP_TOKEN = 'shpat_local';
    endpoint = await startLocalEndpoint((request, call) => {
      if (call === 1) return { status: 503 }; // the first try meets a hiccup: retried
      const key = String(request.headers['idempotency-key']);
      const { discount_code } = JSON.parse(request.body);
      const answer = created.get(key) ?? {
        status: 201,
        body: { discount_code: { ...discount_code, id: created.size + 1 } },
      };
      created.set(key, answer);
      return answer;
    });
  });
  afterAll(async () => {
    await endpoint.close();
    delete process.env.YATRA_SECRET_SHOP_TOKEN;
  });

  it('creates one code despite a retry and a later send uses it via {{outputs.discount.code}}', async () => {
    const result = await runJourneyWithNode(shopifyDiscount, {
      nodeId: 'discount',
      config: { shopUrl: `${endpoint.url}/admin/api/2024-10`, value: 20, prefix: 'COMEBACK' },
      then: {
        next: [
          {
            type: 'message.send',
            config: {
              channel: 'whatsapp',
              templateId: 'comeback_offer',
              category: 'utility',
              variables: { code: '{{outputs.discount.code}}', name: '{{customer.name}}' },
            },
          },
        ],
      },
      event: { properties: { customer: { name: 'Asha', phone: '+919800000001' } } },
    });

    expect(result.status).toBe('completed');
    expect(result.port).toBe('next');
    const code = result.output?.code;
    expect(code).toMatch(/^COMEBACK-[0-9A-Z]+$/);
    // Two requests (503, then 201), one key, one code created.
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests.map((r) => r.path)).toEqual([
      '/admin/api/2024-10/discount_codes.json',
      '/admin/api/2024-10/discount_codes.json',
    ]);
    const keys = new Set(endpoint.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(created.size).toBe(1);
    expect(endpoint.requests[1]?.headers['x-shopify-access-token']).toBe('shpat_local');
    // The later send read the node's output.
    expect(result.messages.map((m) => [m.templateId, m.variables])).toEqual([
      ['comeback_offer', { code, name: 'Asha' }],
    ]);
  });
});
