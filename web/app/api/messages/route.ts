import { getDb } from '@yatra/db';
import { outbox } from '../../../lib/api/messages';
import { json, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The sandbox outbox, newest first: `{ messages: Message[] }`; `?customerId=&journeyId=&limit=`. */
export const GET = route(async (request) =>
  json({ messages: await outbox(getDb(), new URL(request.url).searchParams) }),
);
