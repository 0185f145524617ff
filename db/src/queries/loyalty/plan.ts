// Pure allocation planning: which lots pay for a debit, in what order. Kept free of the database
// so the consumption rule is unit-tested on its own and shared by redeem, adjust and reverse.

export interface LotCandidate {
  id: number;
  remaining: number;
  earnedAt: Date;
  expiresAt: Date;
}

export interface PlannedAllocation {
  lotId: number;
  points: number;
  /** When the points leave the lot: the debit's time, or the lot's earn time if that is later. */
  occurredAt: Date;
}

export interface DebitPlan {
  allocations: PlannedAllocation[];
  /** What the candidates could not cover. */
  shortfall: number;
}

/**
 * The consumption order: by when the points can leave the lot (lots already earned at `at` first;
 * a reversal may also claw back from later earns, the next earn first), then soonest expiry, then
 * oldest earn, then id — so bonus points with a shorter term go first and equal terms are used
 * oldest first (DOMAIN.md §4).
 */
export function consumptionOrder(at: Date): (a: LotCandidate, b: LotCandidate) => number {
  return (a, b) =>
    later(at, a.earnedAt).getTime() - later(at, b.earnedAt).getTime() ||
    a.expiresAt.getTime() - b.expiresAt.getTime() ||
    a.earnedAt.getTime() - b.earnedAt.getTime() ||
    a.id - b.id;
}

/** Takes `points` from the candidates (which the caller already filtered to unexpired at `at`). */
export function planDebit(candidates: LotCandidate[], points: number, at: Date): DebitPlan {
  const allocations: PlannedAllocation[] = [];
  let left = points;
  for (const lot of [...candidates].sort(consumptionOrder(at))) {
    if (left <= 0) break;
    const take = Math.min(lot.remaining, left);
    if (take <= 0) continue;
    allocations.push({ lotId: lot.id, points: take, occurredAt: later(at, lot.earnedAt) });
    left -= take;
  }
  return { allocations, shortfall: left };
}

/** The later of two instants. */
export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

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
