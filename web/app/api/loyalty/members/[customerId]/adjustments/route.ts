import { getDb } from '@yatra/db';
import { adjust, movementResponse } from '../../../../../../lib/api/loyalty/movements';
import { readJson, route } from '../../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { customerId: string };

/**
 * Body `{ points (≠ 0), reason, note, actor, idempotencyKey[, occurredAt, expiresAt] }` → 201
 * `{ adjustment }` (note and actor kept on the entry for audit; 200 on replay); 409 with the
 * balance when a negative adjustment exceeds it.
 */
export const POST = route<Params>(async (request, { customerId }) =>
  movementResponse(await adjust(getDb(), customerId, await readJson(request)), 'adjustment'),
);
