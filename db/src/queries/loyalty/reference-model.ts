// An in-memory reference of the ledger rules (docs/loyalty-ledger.md) for the property test.
// Deliberately naive: plain arrays, operations applied in time order, and the balance at a past
// instant computed by replaying only the operations up to it — no allocation history, no SQL.

export type ModelOp =
  | { kind: 'earn'; at: number; key: string; points: number; orderId: string; expiresAt: number }
  | { kind: 'adjust'; at: number; key: string; points: number; expiresAt: number }
  | { kind: 'redeem'; at: number; key: string; points: number }
  | { kind: 'reverse'; at: number; key: string; orderId: string }
  | { kind: 'expire'; at: number };

/** Lots are numbered 0, 1, 2… in the order they were created. */
export type ModelOutcome =
  | { kind: 'credited'; lot: number; settledDebt: number; balanceAfter: number }
  | { kind: 'debited'; allocations: Array<[number, number]>; balanceAfter: number }
  | {
      kind: 'reversed';
      points: number;
      fromOrderLots: number;
      fromOtherLots: number;
      debt: number;
      allocations: Array<[number, number]>;
      balanceAfter: number;
    }
  | { kind: 'insufficient'; balance: number }
  | { kind: 'nothing-to-reverse' }
  | { kind: 'expired'; lots: number; points: number }
  | { kind: 'replayed'; original: ModelOutcome };

interface Lot {
  orderId: string | null;
  earned: number;
  earnedAt: number;
  expiresAt: number;
  remaining: number;
  /** Points that left the lot by expiring. */
  expired: number;
}

export class LedgerModel {
  readonly lots: Lot[] = [];
  private debts: Array<{ at: number; outstanding: number }> = [];
  private reversed = new Map<string, number>();
  private written = new Map<string, ModelOutcome>();

  /** The balance at `t` of the current state (valid for t at or after the last operation). */
  balance(t: number): number {
    const held = this.lots
      .filter((l) => l.earnedAt <= t && t < l.expiresAt)
      .reduce((sum, l) => sum + l.remaining, 0);
    return held - this.owed();
  }

  owed(): number {
    return this.debts.reduce((sum, d) => sum + d.outstanding, 0);
  }

  apply(op: ModelOp): ModelOutcome {
    if (op.kind === 'expire') return this.expire(op.at);
    const original = this.written.get(op.key);
    if (original) return { kind: 'replayed', original };
    const outcome = this.dispatch(op);
    if (outcome.kind !== 'insufficient' && outcome.kind !== 'nothing-to-reverse') {
      this.written.set(op.key, outcome);
    }
    return outcome;
  }

  private dispatch(op: Exclude<ModelOp, { kind: 'expire' }>): ModelOutcome {
    switch (op.kind) {
      case 'earn':
        return this.credit(op.at, op.points, op.expiresAt, op.orderId);
      case 'adjust':
        return op.points > 0
          ? this.credit(op.at, op.points, op.expiresAt, null)
          : this.debit(op.at, -op.points);
      case 'redeem':
        return this.debit(op.at, op.points);
      case 'reverse':
        return this.reverse(op.at, op.orderId);
    }
  }

  private credit(
    at: number,
    points: number,
    expiresAt: number,
    orderId: string | null,
  ): ModelOutcome {
    let left = points;
    for (const debt of this.debts) {
      const take = Math.min(left, debt.outstanding);
      debt.outstanding -= take;
      left -= take;
    }
    this.lots.push({
      orderId,
      earned: points,
      earnedAt: at,
      expiresAt,
      remaining: left,
      expired: 0,
    });
    return {
      kind: 'credited',
      lot: this.lots.length - 1,
      settledDebt: points - left,
      balanceAfter: this.balance(at),
    };
  }

  /** Unexpired lots at `at` holding points, soonest expiry first, then oldest, then first made. */
  private spendable(at: number, skip: (lot: Lot) => boolean = () => false): number[] {
    return this.lots
      .map((lot, i) => ({ lot, i }))
      .filter(
        ({ lot }) => lot.remaining > 0 && lot.earnedAt <= at && at < lot.expiresAt && !skip(lot),
      )
      .sort(
        (a, b) => a.lot.expiresAt - b.lot.expiresAt || a.lot.earnedAt - b.lot.earnedAt || a.i - b.i,
      )
      .map(({ i }) => i);
  }

  /** Takes up to `points` from the lots in order; returns the allocations and what is missing. */
  private take(
    order: number[],
    points: number,
  ): { allocations: Array<[number, number]>; missing: number } {
    const allocations: Array<[number, number]> = [];
    let left = points;
    for (const i of order) {
      const lot = this.lots[i];
      if (!lot || left === 0) continue;
      const n = Math.min(lot.remaining, left);
      lot.remaining -= n;
      left -= n;
      allocations.push([i, n]);
    }
    return { allocations, missing: left };
  }

  private debit(at: number, points: number): ModelOutcome {
    const order = this.spendable(at);
    const available =
      order.reduce((sum, i) => sum + (this.lots[i]?.remaining ?? 0), 0) - this.owed();
    if (available < points) return { kind: 'insufficient', balance: available };
    const { allocations } = this.take(order, points);
    return { kind: 'debited', allocations, balanceAfter: this.balance(at) };
  }

  private reverse(at: number, orderId: string): ModelOutcome {
    const mine = this.lots.filter((l) => l.orderId === orderId);
    const gone = mine.reduce(
      (sum, l) => sum + l.expired + (l.expiresAt <= at ? l.remaining : 0),
      0,
    );
    const earned = mine.reduce((sum, l) => sum + l.earned, 0);
    const target = earned - gone - (this.reversed.get(orderId) ?? 0);
    if (target <= 0) return { kind: 'nothing-to-reverse' };
    this.reversed.set(orderId, (this.reversed.get(orderId) ?? 0) + target);
    const own = this.take(
      this.spendable(at, (l) => l.orderId !== orderId),
      target,
    );
    const other = this.take(
      this.spendable(at, (l) => l.orderId === orderId),
      own.missing,
    );
    if (other.missing > 0) this.debts.push({ at, outstanding: other.missing });
    return {
      kind: 'reversed',
      points: target,
      fromOrderLots: target - own.missing,
      fromOtherLots: own.missing - other.missing,
      debt: other.missing,
      allocations: [...own.allocations, ...other.allocations],
      balanceAfter: this.balance(at),
    };
  }

  private expire(at: number): ModelOutcome {
    let lots = 0;
    let points = 0;
    for (const lot of this.lots) {
      if (lot.expiresAt > at || lot.remaining === 0) continue;
      lots += 1;
      points += lot.remaining;
      lot.expired += lot.remaining;
      lot.remaining = 0;
    }
    return { kind: 'expired', lots, points };
  }
}

/** The balance at instant `t`: replay only the operations that happened by `t`, then read it. */
export function balanceAt(ops: readonly ModelOp[], t: number): { balance: number; owed: number } {
  const model = new LedgerModel();
  for (const op of ops) if (op.at <= t) model.apply(op);
  return { balance: model.balance(t), owed: model.owed() };
}
