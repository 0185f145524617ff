import { getDb } from '@yatra/db';
import { movementResponse, redeem } from '../../../../../../lib/api/loyalty/movements';
import { readJson, route } from '../../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { customerId: string };

/**
 * Body `{ optionId | points, idempotencyKey[, occurredAt] }` → 201 `{ redemption }` (200 when the
 * key replays: nothing moves again); 409 `{ error, balance, requested }` when points are short.
 */
export const POST = route<Params>(async (request, { customerId }) =>
  movementResponse(await redeem(getDb(), customerId, await readJson(request)), 'redemption'),
);
