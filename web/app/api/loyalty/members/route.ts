import { getDb } from '@yatra/db';
import { enroll } from '../../../../lib/api/loyalty/members';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Enrolls `{ customerId[, joinedAt] }`: 201 `{ member }`, 200 if already a member, 404 for an unknown customer. */
export const POST = route(async (request) => {
  const { member, created } = await enroll(getDb(), await readJson(request));
  return json({ member }, created ? 201 : 200);
});
