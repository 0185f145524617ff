import { defineNode, isHttpTimeout, nonRetryable, SECRET_NAME, z } from '@yatra/nodes';
import { signatureHeader } from './sign';

/** Kept in one place: `run` takes the `timeout` port on the last attempt the worker makes. */
const MAX_ATTEMPTS = 3;

/**
 * POSTs a JSON event to an endpoint, signed with HMAC-SHA256 (`X-Yatra-Signature`, see
 * sign.ts). 2xx → `sent`. 4xx → `failed` at once (the endpoint refused it; retrying cannot help).
 * 5xx, 408, 429 and network errors are retried; when retries are spent the step takes `failed`.
 * An endpoint that never answers within `timeoutSeconds` is retried too, and the last attempt
 * takes `timeout`. The delivery id (`Idempotency-Key`) is the same on every retry, so the
 * receiver can drop duplicates.
 */
export default defineNode({
  type: 'acme.webhook',
  version: 1,
  title: 'Webhook',
  category: 'custom',
  icon: '🪝',
  description: 'Sends a signed POST to your endpoint; "timeout" fires when it never answers.',
  kind: 'action',
  ports: ['sent', 'failed', 'timeout'],
  config: z.object({
    url: z.url().describe('The endpoint that receives the POST'),
    event: z
      .string()
      .min(1)
      .default('journey.webhook')
      .describe('Event name in the payload, e.g. crm.vip_tagged'),
    data: z
      .record(z.string(), z.string())
      .default({})
      .describe('Payload fields: templates over the run facts, e.g. {{customer.id}}'),
    secretName: z
      .string()
      .regex(SECRET_NAME, 'use capital letters, digits and _')
      .default('WEBHOOK_SECRET')
      .describe('Name of the signing secret (the worker reads YATRA_SECRET_<name>)'),
    timeoutSeconds: z.number().int().min(1).max(30).default(10).describe('Wait per attempt'),
  }),
  example: { url: 'https://hooks.example.com/yatra', data: { customerId: '{{customer.id}}' } },
  failurePort: 'failed',
  retry: { maximumAttempts: MAX_ATTEMPTS, initialIntervalMs: 1_000 },
  // Above the longest request (30 s), so the node, not the activity, decides on a slow endpoint.
  timeoutMs: 40_000,
  async run(ctx, config) {
    const data = Object.fromEntries(
      Object.entries(config.data).map(([key, template]) => [key, ctx.render(template)]),
    );
    const body = JSON.stringify({
      id: ctx.idempotencyKey,
      event: config.event,
      occurredAt: ctx.now.toISOString(),
      customerId: ctx.customer.id,
      journey: { id: ctx.run.journeyId, versionId: ctx.run.versionId, nodeId: ctx.run.nodeId },
      data,
    });
    if (!ctx.http) return { port: 'sent', output: { simulated: true } };
    const secret = ctx.secrets?.get(config.secretName);
    if (!secret)
      throw nonRetryable(
        `secret ${config.secretName} is not set: set YATRA_SECRET_${config.secretName} for the worker`,
      );
    // ctx.now is the step's time, the same on every retry: the signed bytes do not change.
    const signature = await signatureHeader(secret, Math.floor(ctx.now.getTime() / 1000), body);
    let status: number;
    try {
      const response = await ctx.http.fetch({
        method: 'POST',
        url: config.url,
        timeoutMs: config.timeoutSeconds * 1000,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': ctx.idempotencyKey,
          'X-Yatra-Signature': signature,
        },
        body,
      });
      status = response.status;
    } catch (error) {
      if (!isHttpTimeout(error) || ctx.attempt < MAX_ATTEMPTS) throw error;
      ctx.logger.warn('webhook endpoint did not answer in time', { url: config.url });
      return { port: 'timeout', output: { error: error.message, attempts: ctx.attempt } };
    }
    if (status >= 200 && status < 300) return { port: 'sent', output: { status } };
    if (status === 408 || status === 429 || status >= 500)
      throw new Error(`endpoint answered ${status}; the step will be retried`);
    const error = `endpoint refused the webhook (${status})`;
    ctx.logger.warn(error, { url: config.url });
    return { port: 'failed', output: { status, error } };
  },
});
