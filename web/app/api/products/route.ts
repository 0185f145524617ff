import { getDb } from '@yatra/db';
import { productList, saveProducts } from '../../../lib/api/catalog';
import { json, readJson, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ products: Product[] }`, the whole catalogue by SKU. */
export const GET = route(async () => json({ products: await productList(getDb()) }));

/**
 * Inserts or replaces products by SKU: one, an array, or `{ products: [...] }`. 200 `{ written }`;
 * 400 `{ error, issues }` naming each bad field (`products.0.pricePaise`), nothing stored.
 */
export const POST = route(async (request) =>
  json(await saveProducts(getDb(), await readJson(request))),
);
