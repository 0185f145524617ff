import { getDb } from '@yatra/db';
import { saveCustomer } from '../../../lib/api/catalog';
import { customerList } from '../../../lib/api/customers';
import { json, readJson, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ customers: Customer[] }`, most recently updated first; `?limit=` (1–500). */
export const GET = route(async (request) =>
  json({ customers: await customerList(getDb(), new URL(request.url).searchParams) }),
);

/**
 * Creates or updates one customer (omitted fields keep their value): 200 `{ customer }`;
 * 400 `{ error, issues }` naming each bad field, nothing stored.
 */
export const POST = route(async (request) =>
  json({ customer: await saveCustomer(getDb(), await readJson(request)) }),
);
