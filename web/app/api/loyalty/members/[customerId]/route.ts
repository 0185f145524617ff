import { getDb } from '@yatra/db';
import { memberView } from '../../../../../lib/api/loyalty/members';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { customerId: string };

/**
 * `?asOf=<ISO time or date>&entries=50` → `{ member: { balance, balanceValuePaise, tier: { name,
 * status }, nextExpiry, lots, entries, … } }` as of that instant (default now); 404 when the
 * customer is unknown or not a member.
 */
export const GET = route<Params>(async (request, { customerId }) =>
  json({ member: await memberView(getDb(), customerId, new URL(request.url).searchParams) }),
);
