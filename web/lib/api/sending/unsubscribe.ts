import { setConsent, type Db } from '@yatra/db';
import { unsubscribeSecret, verifyUnsubscribeToken, type UnsubscribeClaim } from '@yatra/nodes';
import { ValidationError } from '../errors';

/** The claim of a valid token from the query string; 400 when it is missing or not ours. */
export async function unsubscribeClaim(
  searchParams: URLSearchParams,
  env: Record<string, string | undefined> = process.env,
): Promise<UnsubscribeClaim> {
  const token = searchParams.get('token');
  if (!token)
    throw new ValidationError('The unsubscribe link has no token.', [
      { path: 'token', message: 'missing' },
    ]);
  const claim = await verifyUnsubscribeToken(token, unsubscribeSecret(env));
  if (!claim)
    throw new ValidationError('The unsubscribe link is invalid or was altered.', [
      { path: 'token', message: 'not a valid signed token' },
    ]);
  return claim;
}

/**
 * Withdraws marketing on the link's channel at once (source `link`). Idempotent: a second
 * click changes nothing and answers the same.
 */
export async function unsubscribe(
  db: Db,
  claim: UnsubscribeClaim,
  detail: Record<string, unknown>,
): Promise<{ changed: boolean }> {
  return setConsent(db, {
    customerId: claim.customerId,
    channel: claim.channel,
    purpose: 'marketing',
    granted: false,
    source: 'link',
    detail,
    at: new Date(),
  });
}
