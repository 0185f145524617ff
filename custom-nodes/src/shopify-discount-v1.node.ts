import { defineNode, SECRET_NAME, z } from '@yatra/nodes';
import { createDiscountCode } from './shop-api';

/** v1's config: percentages only. v2 (shopify-discount.node.ts) migrates it. */
export const discountV1Config = z.object({
  shopUrl: z.url().describe("The shop's admin API base URL"),
  percentOff: z.number().int().min(1).max(90).describe('Discount in percent (1–90)'),
  prefix: z
    .string()
    .regex(/^[A-Z0-9]{2,12}$/, 'use 2–12 capital letters or digits')
    .default('THANKS'),
  validDays: z.number().int().min(1).max(90).default(14),
  tokenSecret: z
    .string()
    .regex(SECRET_NAME, 'use capital letters, digits and _')
    .default('SHOP_TOKEN'),
});

/**
 * Version 1 of "Create discount code", kept registered (yatra.config.ts) for the journeys
 * published while it was the newest: their compiled versions pin v1 and keep running it.
 */
export default defineNode({
  type: 'acme.shopify_discount',
  version: 1,
  title: 'Create discount code',
  category: 'custom',
  icon: '🏷️',
  description: 'Creates a single-use percentage discount code in the shop (v1).',
  kind: 'action',
  ports: ['next', 'failed'],
  config: discountV1Config,
  example: { shopUrl: 'https://acme.myshopify.com/admin/api/2024-10', percentOff: 15 },
  failurePort: 'failed',
  retry: { maximumAttempts: 4, initialIntervalMs: 1_000 },
  timeoutMs: 20_000,
  run: (ctx, { percentOff, ...config }) =>
    createDiscountCode(ctx, { ...config, valueType: 'percentage', value: percentOff }),
});
