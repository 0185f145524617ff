// The price table's input contract, shared by the API and the settings form (zod only).
import { z } from 'zod';
import { TEMPLATE_CATEGORIES, TEMPLATE_CHANNELS } from '../templates/schema';

/** Thousandths of a paisa in a rupee: ₹0.115 = 11,500. */
export const MILLIPAISE_PER_RUPEE = 100_000;

/** ₹100 per message: far above any real price, so a slipped decimal is caught. */
export const MAX_PRICE_MILLIPAISE = 10_000_000;

export const pricesBodySchema = z.object({
  prices: z
    .array(
      z.object({
        channel: z.enum(TEMPLATE_CHANNELS),
        category: z.enum(TEMPLATE_CATEGORIES),
        priceMillipaise: z
          .number()
          .int('in whole thousandths of a paisa (₹0.115 = 11500)')
          .min(0, 'a price cannot be negative')
          .max(MAX_PRICE_MILLIPAISE, 'at most ₹100 per message'),
      }),
    )
    .min(1, 'send at least one price')
    .superRefine((prices, ctx) => {
      const seen = new Set<string>();
      prices.forEach((p, i) => {
        const key = `${p.channel}/${p.category}`;
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: [i], message: `${key} is given twice` });
        seen.add(key);
      });
    }),
});
