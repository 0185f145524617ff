import { getCustomer, listConsentLog, listConsents, setConsent, type Db } from '@yatra/db';
import { NotFoundError } from '../errors';
import { parseBody } from '../loyalty/parse';
import { consentBodySchema } from './schema';

async function requireCustomer(db: Db, customerId: string) {
  if (!(await getCustomer(db, customerId)))
    throw new NotFoundError(`Customer ${customerId} not found.`);
}

/** `GET /api/customers/:id/consent`: current consents and their history, newest first. */
export async function customerConsents(db: Db, customerId: string) {
  await requireCustomer(db, customerId);
  const [consents, log] = await Promise.all([
    listConsents(db, customerId),
    listConsentLog(db, customerId),
  ]);
  return { consents, log };
}

/**
 * `POST /api/customers/:id/consent`: grants or withdraws at once (the next send checks it);
 * logged with source `api`. Answers whether anything changed and the current consents.
 */
export async function changeConsent(db: Db, customerId: string, body: unknown) {
  const input = parseBody(consentBodySchema, body);
  await requireCustomer(db, customerId);
  const { changed } = await setConsent(db, {
    customerId,
    channel: input.channel,
    purpose: input.purpose,
    granted: input.granted,
    source: 'api',
    detail: input.note ? { note: input.note } : {},
    at: new Date(),
  });
  return { changed, consents: await listConsents(db, customerId) };
}
