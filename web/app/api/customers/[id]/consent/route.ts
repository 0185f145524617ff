import { getDb } from '@yatra/db';
import { json, readJson, route } from '../../../../../lib/api/respond';
import { changeConsent, customerConsents } from '../../../../../lib/api/sending/consent';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ consents: [{ channel, purpose, granted, source, updatedAt }], log: [...] }`; 404 for an unknown customer. */
export const GET = route<{ id: string }>(async (_request, { id }) =>
  json(await customerConsents(getDb(), id)),
);

/**
 * Body `{ channel: whatsapp|email|sms|push, purpose: utility|marketing, granted: boolean, note? }`:
 * honoured by the very next send, logged (source `api`). 200 `{ changed, consents }`;
 * 400 `{ error, issues: [{ path: 'channel', message }] }`; 404 for an unknown customer.
 */
export const POST = route<{ id: string }>(async (request, { id }) =>
  json(await changeConsent(getDb(), id, await readJson(request))),
);
