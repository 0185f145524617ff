import { defineNode, SECRET_NAME, z } from '@yatra/nodes';
import { createDiscountCode } from './shop-api';
import { discountV1Config } from './shopify-discount-v1.node.ts';

/**
 * Creates a single-use discount code for the customer in a Shopify-style shop API (see
 * shop-api.ts: idempotent, retried on 5xx, `failed` on 4xx). A later step reads it as
 * `{{outputs.<this node id>.code}}`. Version 2: a percentage or a fixed amount; configs written
 * for v1 (`percentOff`) are migrated when their draft is opened, while journeys published on v1
 * keep running v1 (shopify-discount-v1.node.ts stays registered).
 */
export default defineNode({
  type: 'acme.shopify_discount',
  version: 2,
  title: 'Create discount code',
  category: 'custom',
  icon: '🏷️',
  description:
    'Creates a single-use discount code in the shop; later steps use {{outputs.<node id>.code}}.',
  kind: 'action',
  ports: ['next', 'failed'],
  config: z
    .object({
      shopUrl: z
        .url()
        .describe(
          "The shop's admin API base URL, e.g. https://acme.myshopify.com/admin/api/2024-10",
        ),
      valueType: z
        .enum(['percentage', 'fixed_amount'])
        .default('percentage')
        .describe('A percentage off, or a fixed amount in ₹'),
      value: z.number().positive().describe('Percent (1–90), or ₹ off'),
      prefix: z
        .string()
        .regex(/^[A-Z0-9]{2,12}$/, 'use 2–12 capital letters or digits')
        .default('THANKS')
        .describe('Start of the code, e.g. THANKS → THANKS-1Q2W3E'),
      validDays: z.number().int().min(1).max(90).default(14).describe('Days the code stays valid'),
      tokenSecret: z
        .string()
        .regex(SECRET_NAME, 'use capital letters, digits and _')
        .default('SHOP_TOKEN')
        .describe('Name of the secret with the API token (the worker reads YATRA_SECRET_<name>)'),
    })
    .refine((c) => c.valueType !== 'percentage' || c.value <= 90, {
      path: ['value'],
      message: 'a percentage discount is at most 90',
    }),
  example: { shopUrl: 'https://acme.myshopify.com/admin/api/2024-10', value: 15 },
  migrate(oldConfig) {
    const { percentOff, ...rest } = discountV1Config.parse(oldConfig);
    return { ...rest, valueType: 'percentage' as const, value: percentOff };
  },
  failurePort: 'failed',
  retry: { maximumAttempts: 4, initialIntervalMs: 1_000 },
  timeoutMs: 20_000,
  run: (ctx, config) => createDiscountCode(ctx, config),
});
