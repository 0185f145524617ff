import { z } from 'zod';

// The shape of a loyalty programme's settings (DOMAIN.md §4). One schema validates the web form,
// the HTTP API and the demo seed; db/ stores tiers and redemption options as JSON and receives
// them already parsed.

export const TIER_METRICS = ['spend', 'orders', 'visits'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

export const PERK_KINDS = [
  'free_shipping',
  'early_access',
  'birthday_offer',
  'priority_support',
  'exclusive_products',
  'custom',
] as const;

const perkSchema = z.object({
  kind: z.enum(PERK_KINDS),
  description: z.string().min(1).max(200),
});

export const tierDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(40),
  /** What qualifies over the rolling window: ₹ spend on delivered orders, delivered orders, or visits. */
  metric: z.enum(TIER_METRICS),
  /** Whole rupees for `spend`, a count for `orders` and `visits`. The first tier starts at 0. */
  threshold: z.number().int().min(0),
  /** Earn multiplier (DOMAIN.md: typically 1×, 1.5×, 2×, 3×). */
  multiplier: z.number().min(1).max(10),
  perks: z.array(perkSchema).default([]),
});
export type TierDefinition = z.output<typeof tierDefinitionSchema>;

export const redemptionOptionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9_-]+$/, 'use lower-case letters, digits, - and _')
      .max(60),
    label: z.string().min(1).max(120),
    points: z.number().int().positive(),
    kind: z.enum(['discount', 'product']),
    /** ₹ off in paise, for `discount`. */
    valuePaise: z.number().int().positive().optional(),
    /** The free product, for `product`. */
    productSku: z.string().min(1).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'discount' && o.valuePaise === undefined) {
      ctx.addIssue({ code: 'custom', path: ['valuePaise'], message: 'a discount needs its value' });
    }
    if (o.kind === 'product' && o.productSku === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['productSku'],
        message: 'a free product needs its SKU',
      });
    }
  });
export type RedemptionOption = z.output<typeof redemptionOptionSchema>;

export const programConfigSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** Points per ₹100 spent (10 = 1 point per ₹10). */
    pointsPer100Rupees: z.number().int().min(0).max(100_000).default(10),
    /** The order event that earns; COD orders earn only once delivered. */
    earnOnEvent: z.enum(['order.delivered', 'order.placed']).default('order.delivered'),
    /** Rolling expiry of each lot, in days (12 months by default). */
    expiryDays: z.number().int().min(1).max(3650).default(365),
    /** What a point is worth at redemption, in paise (10 = ₹0.10: 500 points = ₹50). */
    pointValuePaise: z.number().int().min(0).max(100_000).default(10),
    tiers: z.array(tierDefinitionSchema).min(1).max(10),
    redemptionOptions: z.array(redemptionOptionSchema).max(50).default([]),
  })
  .superRefine((p, ctx) => {
    const [first] = p.tiers;
    if (first && first.threshold !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 0, 'threshold'],
        message: `the first tier (${first.name}) is where every member starts: its threshold must be 0`,
      });
    }
    p.tiers.forEach((tier, i) => {
      const previous = p.tiers[i - 1];
      if (first && tier.metric !== first.metric) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'metric'],
          message: `every tier must qualify on the same metric (${first.metric}); ${tier.name} uses ${tier.metric}`,
        });
      }
      if (previous && tier.threshold <= previous.threshold) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'threshold'],
          message: `the tier ladder must increase: ${tier.name} (${tier.threshold}) must be above ${previous.name} (${previous.threshold})`,
        });
      }
      if (previous && tier.multiplier < previous.multiplier) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'multiplier'],
          message: `a higher tier cannot earn less: ${tier.name} ×${tier.multiplier} is below ${previous.name} ×${previous.multiplier}`,
        });
      }
      const sameName = p.tiers.findIndex((t) => t.name.toLowerCase() === tier.name.toLowerCase());
      if (sameName !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'name'],
          message: `tier names must be unique: ${tier.name} appears twice`,
        });
      }
    });
    p.redemptionOptions.forEach((o, i) => {
      if (p.redemptionOptions.findIndex((x) => x.id === o.id) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['redemptionOptions', i, 'id'],
          message: `redemption option ids must be unique: ${o.id} appears twice`,
        });
      }
    });
  });
export type ProgramConfig = z.output<typeof programConfigSchema>;
export type ProgramConfigInput = z.input<typeof programConfigSchema>;

/** The demo programme (DOMAIN.md §4): Bronze / Silver / Gold / Platinum on spend, 500 points = ₹50. */
export const demoProgram: ProgramConfigInput = {
  name: 'Yatra Rewards',
  pointsPer100Rupees: 10,
  earnOnEvent: 'order.delivered',
  expiryDays: 365,
  pointValuePaise: 10,
  tiers: [
    { name: 'Bronze', metric: 'spend', threshold: 0, multiplier: 1, perks: [] },
    {
      name: 'Silver',
      metric: 'spend',
      threshold: 5_000,
      multiplier: 1.5,
      perks: [{ kind: 'birthday_offer', description: 'Double points in your birthday month' }],
    },
    {
      name: 'Gold',
      metric: 'spend',
      threshold: 15_000,
      multiplier: 2,
      perks: [
        { kind: 'free_shipping', description: 'Free shipping on every order' },
        { kind: 'birthday_offer', description: 'Double points in your birthday month' },
      ],
    },
    {
      name: 'Platinum',
      metric: 'spend',
      threshold: 40_000,
      multiplier: 3,
      perks: [
        { kind: 'free_shipping', description: 'Free express shipping' },
        { kind: 'early_access', description: 'Early access to new drops' },
        { kind: 'priority_support', description: 'A priority WhatsApp support line' },
      ],
    },
  ],
  redemptionOptions: [
    { id: 'rs50-off', label: '₹50 off', points: 500, kind: 'discount', valuePaise: 5_000 },
    { id: 'rs250-off', label: '₹250 off', points: 2_000, kind: 'discount', valuePaise: 25_000 },
  ],
};
