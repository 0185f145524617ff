import { getDb } from '@yatra/db';
import { customerList } from '../../../lib/api/customers';
import { json, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ customers: Customer[] }`, most recently updated first; `?limit=` (1–500). */
export const GET = route(async (request) =>
  json({ customers: await customerList(getDb(), new URL(request.url).searchParams) }),
);
