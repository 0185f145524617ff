import { getDb } from '@yatra/db';
import { listVersionViews } from '../../../../../lib/api/journeys';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ versions: [{ id, version, publishedAt, publishedBy, triggerEvent, live, facts }] }`, newest first. */
export const GET = route<{ id: string }>(async (_request, { id }) =>
  json({ versions: await listVersionViews(getDb(), id) }),
);
