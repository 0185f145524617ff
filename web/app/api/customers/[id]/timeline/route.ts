import { getDb } from '@yatra/db';
import { customerTimeline } from '../../../../../lib/api/customers';
import { json, route } from '../../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `{ customer, items: [{ kind: 'event' | 'run.entered' | 'step' | 'message' | 'run.exited', at, … }] }`
 * oldest first; 404 for an unknown customer. (Next hands route handlers decoded params.)
 */
export const GET = route<{ id: string }>(async (_request, { id }) =>
  json(await customerTimeline(getDb(), id)),
);
