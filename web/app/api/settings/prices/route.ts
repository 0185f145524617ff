import { getDb } from '@yatra/db';
import { priceList, savePrices } from '../../../../lib/api/cost/prices';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ prices: [{ channel, category, priceMillipaise, updatedAt }] }` (₹0.115 = 11500). */
export const GET = route(async () => json({ prices: await priceList(getDb()) }));

/**
 * Body `{ prices: [{ channel, category, priceMillipaise }] }`: sets those, leaves the rest.
 * 200 `{ prices }` (all of them); 400 `{ error, issues: [{ path: 'prices.0.priceMillipaise', message }] }`.
 */
export const PUT = route(async (request) =>
  json({ prices: await savePrices(getDb(), await readJson(request)) }),
);
