// Time and amount checks shared by the ledger's writes. Which lots pay for a debit is decided in
// SQL, under the member lock (loyalty_take in 0004_ledger_fast_path.sql).

const DAY_MS = 86_400_000;

/** `days` whole days after `at` (UTC arithmetic: expiry is an instant, not a calendar date). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Throws unless `points` is a positive safe integer: points are whole numbers. */
export function assertPositivePoints(points: number, what: string): void {
  if (!Number.isSafeInteger(points) || points <= 0) {
    throw new RangeError(`${what}: points must be a positive integer, got ${points}`);
  }
}

/** Throws on an invalid Date, which would otherwise reach SQL as NULL or 'Invalid Date'. */
export function assertValidTime(at: Date, what: string): void {
  if (Number.isNaN(at.getTime())) throw new RangeError(`${what}: invalid time`);
}

/** A lot must live for a while: the CHECK would reject it anyway, with a less useful message. */
export function assertExpiresAfter(earnedAt: Date, expiresAt: Date, what: string): void {
  assertValidTime(expiresAt, what);
  if (expiresAt.getTime() <= earnedAt.getTime()) {
    throw new RangeError(`${what}: expiresAt must be after occurredAt`);
  }
}
