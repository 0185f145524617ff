// Results and errors of the points ledger. Expected business outcomes (not enough points, nothing
// to reverse) are typed results; only misuse (bad input, a reused key, an unknown customer) throws.
import type { LedgerEntry, LotAllocation, PointsLot } from '../../schema';

/** What every ledger write returns; `created: false` means the idempotency key replayed. */
export interface LedgerWrite {
  entry: LedgerEntry;
  /** The member's balance as of the entry's occurred_at, right after it. */
  balanceAfter: number;
  created: boolean;
}

/** A redemption or negative adjustment larger than the balance: nothing was written. */
export interface InsufficientPoints {
  ok: false;
  reason: 'insufficient-points';
  /** The spendable balance as of the requested time (negative while a reversal debt is owed). */
  balance: number;
  requested: number;
}

export interface EarnResult extends LedgerWrite {
  lot: PointsLot;
  /** Points of this lot that went straight to settling an earlier reversal's debt. */
  settledDebt: number;
}

export interface DebitResult extends LedgerWrite {
  ok: true;
  /** The lots that paid, soonest-expiring first. */
  allocations: LotAllocation[];
}

export type RedeemResult = DebitResult | InsufficientPoints;

export type AdjustResult =
  | (LedgerWrite & {
      ok: true;
      /** The new lot of a positive adjustment; null for a negative one. */
      lot: PointsLot | null;
      allocations: LotAllocation[];
      settledDebt: number;
    })
  | InsufficientPoints;

export interface ReverseSplit {
  /** Taken back from what remained of the order's own lots. */
  fromOrderLots: number;
  /** Taken from the member's other lots because the order's points were already spent. */
  fromOtherLots: number;
  /** What no lot could cover: owed, shown as a negative balance, settled by the next credits. */
  debt: number;
}

export type ReverseResult =
  | (LedgerWrite & ReverseSplit & { ok: true; allocations: LotAllocation[] })
  | { ok: false; reason: 'nothing-to-reverse'; orderId: string };

/** An idempotency key reused for a different movement (another customer, kind or amount). */
export class IdempotencyKeyConflictError extends Error {
  constructor(
    readonly idempotencyKey: string,
    detail: string,
  ) {
    super(`idempotency key ${idempotencyKey} was already used for ${detail}`);
    this.name = 'IdempotencyKeyConflictError';
  }
}

/** Loyalty rows hang off customers; a member cannot exist for a customer Yatra does not know. */
export class UnknownCustomerError extends Error {
  constructor(readonly customerId: string) {
    super(`unknown customer ${customerId}: create the customer before enrolling it in loyalty`);
    this.name = 'UnknownCustomerError';
  }
}
