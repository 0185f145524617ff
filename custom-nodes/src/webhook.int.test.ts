// The webhook node on the real interpreter, worker and time-skipping Temporal server, against a
// real local HTTP endpoint: signed delivery, a refusal (4xx), and an endpoint that never answers.
import { createJourneyTestEnv, type JourneyTestEnv } from '@yatra/worker/testing/journey-test-env';
import { runJourneyWithNode } from '@yatra/worker/testing/run-journey-with-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacSha256Hex } from './sign';
import { startLocalEndpoint, type EndpointAnswer } from './testing/local-endpoint';
import webhook from './webhook.node.ts';

describe('acme.webhook in a journey', () => {
  let env: JourneyTestEnv;
  let answer: (call: number) => EndpointAnswer = () => ({ status: 204 });
  let endpoint: Awaited<ReturnType<typeof startLocalEndpoint>>;

  beforeAll(async () => {
    process.env.YATRA_SECRET_WEBHOOK_SECRET = 'whsec_local';
    endpoint = await startLocalEndpoint((_request, call) => answer(call));
    env = await createJourneyTestEnv({ nodes: [webhook] });
  });
  afterAll(async () => {
    await env?.close();
    await endpoint?.close();
    delete process.env.YATRA_SECRET_WEBHOOK_SECRET;
  });

  const config = (timeoutSeconds = 5) => ({
    url: `${endpoint.url}/hooks/yatra`,
    event: 'crm.vip_tagged',
    data: { name: '{{customer.name}}' },
    timeoutSeconds,
  });
  const event = { properties: { customer: { name: 'Ravi' } } };

  it('delivers a POST the receiver can verify and takes sent', async () => {
    endpoint.requests.length = 0;
    answer = () => ({ status: 204 });
    const result = await runJourneyWithNode(webhook, { config: config(), event, env });

    expect(result).toMatchObject({ port: 'sent', output: { status: 204 }, status: 'completed' });
    expect(result.steps.at(-1)).toMatchObject({ nodeId: 'exit_sent' });
    const [request] = endpoint.requests;
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).toMatchObject({ event: 'crm.vip_tagged', data: { name: 'Ravi' } });
    expect(body.customerId).toBe(result.customerId);
    const [t, v1] = String(request?.headers['x-yatra-signature']).split(',');
    const timestamp = Number(t?.replace('t=', ''));
    expect(v1).toBe(`v1=${await hmacSha256Hex('whsec_local', `${timestamp}.${request?.body}`)}`);
    expect(request?.headers['idempotency-key']).toBe(body.id);
  });

  it('takes failed at once when the endpoint answers 4xx', async () => {
    endpoint.requests.length = 0;
    answer = () => ({ status: 410, body: { error: 'gone' } });
    const result = await runJourneyWithNode(webhook, { config: config(), event, env });

    expect(result).toMatchObject({ port: 'failed', output: { status: 410 } });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('retries an endpoint that never answers and takes timeout after the last attempt', async () => {
    endpoint.requests.length = 0;
    answer = () => ({ hang: true });
    const result = await runJourneyWithNode(webhook, { config: config(1), event, env });

    expect(result.port).toBe('timeout');
    expect(result.output).toMatchObject({ attempts: 3 });
    expect(result.status).toBe('completed');
    // Three attempts, each the same signed delivery.
    expect(endpoint.requests).toHaveLength(3);
    expect(new Set(endpoint.requests.map((r) => r.body)).size).toBe(1);
    expect(new Set(endpoint.requests.map((r) => r.headers['x-yatra-signature'])).size).toBe(1);
  });
});
