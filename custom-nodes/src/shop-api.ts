// The shop call both versions of the discount node make; only their configs differ.
import { DAY_MS, fnv1a, nonRetryable, z, type NodeContext, type NodeResult } from '@yatra/nodes';

/** The part of the shop's answer we use; anything else in it is ignored. */
const answerSchema = z.object({ discount_code: z.object({ code: z.string().min(1) }) });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** What to ask the shop for, in the shape of the newest config. */
export interface DiscountRequest {
  shopUrl: string;
  valueType: 'percentage' | 'fixed_amount';
  /** Percent, or rupees off for `fixed_amount`. */
  value: number;
  prefix: string;
  validDays: number;
  tokenSecret: string;
}

/**
 * Creates one code in a Shopify-style shop API: derived from the step's idempotency key and sent
 * with `Idempotency-Key`, so a retried step never creates a second code. 5xx and 429 are thrown
 * (retried); a 4xx takes `failed`; without `ctx.http` (the simulator) it only shows the code.
 * @example return createDiscountCode(ctx, { ...config, valueType: 'percentage', value: 15 });
 */
export async function createDiscountCode(
  ctx: NodeContext,
  request: DiscountRequest,
): Promise<NodeResult<'next' | 'failed'>> {
  const code = `${request.prefix}-${fnv1a(ctx.idempotencyKey).toString(36).toUpperCase()}`;
  const endsAt = new Date(ctx.now.getTime() + request.validDays * DAY_MS).toISOString();
  if (!ctx.http) return { port: 'next', output: { code, endsAt, simulated: true } };
  const token = ctx.secrets?.get(request.tokenSecret);
  if (!token)
    throw nonRetryable(
      `secret ${request.tokenSecret} is not set: set YATRA_SECRET_${request.tokenSecret} for the worker`,
    );
  const response = await ctx.http.fetch({
    method: 'POST',
    url: `${request.shopUrl.replace(/\/+$/, '')}/discount_codes.json`,
    timeoutMs: 10_000,
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': ctx.idempotencyKey,
      'X-Shopify-Access-Token': token,
    },
    body: JSON.stringify({
      discount_code: {
        code,
        value_type: request.valueType,
        value: request.value,
        ends_at: endsAt,
        customer_id: ctx.customer.id,
        usage_limit: 1,
      },
    }),
  });
  if (response.status === 429 || response.status >= 500)
    throw new Error(`shop answered ${response.status}; the step will be retried`);
  if (response.status >= 400) {
    const error = `shop refused the code (${response.status}): ${response.body.slice(0, 200)}`;
    ctx.logger.warn(error);
    return { port: 'failed', output: { status: response.status, error } };
  }
  const answer = answerSchema.safeParse(parseJson(response.body));
  if (!answer.success)
    throw nonRetryable(
      `unexpected shop answer (${response.status}): ${response.body.slice(0, 200)}`,
    );
  const { valueType, value } = request;
  return {
    port: 'next',
    output: { code: answer.data.discount_code.code, valueType, value, endsAt },
  };
}
