// Random ledger operations for property tests: a generator of plausible operations (earns with
// random expiries, redemptions — some too large, some exactly the balance — expiry runs,
// reversals, ± adjustments, replays of earlier writes) and an executor that applies one to the
// real ledger and reports the outcome in the reference model's vocabulary (reference-model.ts).
import type { Db } from '../../client';
import { adjustPoints } from './adjust';
import { earnPoints } from './earn';
import { expireLots } from './expire';
import type { Rng } from './prng';
import { redeemPoints } from './redeem';
import type { LedgerModel, ModelOp, ModelOutcome } from './reference-model';
import { reverseOrderPoints } from './reverse';
import type { LedgerWrite } from './types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Applies `op` to customer `c`'s ledger. `lotIndex` maps database lot ids to the model's
 * creation index (filled as lots are created), so outcomes compare equal to the model's.
 */
export async function executeOp(
  db: Db,
  c: string,
  op: ModelOp,
  lotIndex: Map<number, number>,
): Promise<ModelOutcome> {
  const at = new Date(op.at);
  const idx = (lotId: number) => lotIndex.get(lotId) ?? -1;
  const replayed = (w: LedgerWrite, fresh: ModelOutcome): ModelOutcome =>
    w.created ? fresh : { kind: 'replayed', original: fresh };
  switch (op.kind) {
    case 'earn': {
      const r = await earnPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'order',
        orderId: op.orderId,
        idempotencyKey: op.key,
        occurredAt: at,
        expiresAt: new Date(op.expiresAt),
      });
      if (r.created) lotIndex.set(r.lot.id, lotIndex.size);
      return replayed(r, {
        kind: 'credited',
        lot: idx(r.lot.id),
        settledDebt: r.settledDebt,
        balanceAfter: r.balanceAfter,
      });
    }
    case 'adjust': {
      const r = await adjustPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'manual',
        note: 'property test',
        actor: 'vitest',
        idempotencyKey: op.key,
        occurredAt: at,
        expiresAt: new Date(op.expiresAt),
      });
      if (!r.ok) return { kind: 'insufficient', balance: r.balance };
      if (r.lot && r.created) lotIndex.set(r.lot.id, lotIndex.size);
      return replayed(
        r,
        r.lot
          ? {
              kind: 'credited',
              lot: idx(r.lot.id),
              settledDebt: r.settledDebt,
              balanceAfter: r.balanceAfter,
            }
          : {
              kind: 'debited',
              allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
              balanceAfter: r.balanceAfter,
            },
      );
    }
    case 'redeem': {
      const r = await redeemPoints(db, {
        customerId: c,
        points: op.points,
        reason: 'redemption',
        idempotencyKey: op.key,
        occurredAt: at,
      });
      if (!r.ok) return { kind: 'insufficient', balance: r.balance };
      return replayed(r, {
        kind: 'debited',
        allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
        balanceAfter: r.balanceAfter,
      });
    }
    case 'reverse': {
      const reason = op.key.endsWith('cancel') ? 'cancel' : 'return';
      const r = await reverseOrderPoints(db, {
        customerId: c,
        orderId: op.orderId,
        idempotencyKey: op.key,
        occurredAt: at,
        reason,
      });
      if (!r.ok) return { kind: 'nothing-to-reverse' };
      return replayed(r, {
        kind: 'reversed',
        points: -r.entry.points,
        fromOrderLots: r.fromOrderLots,
        fromOtherLots: r.fromOtherLots,
        debt: r.debt,
        allocations: r.allocations.map((a) => [idx(a.lotId), a.points]),
        balanceAfter: r.balanceAfter,
      });
    }
    case 'expire': {
      const r = await expireLots(db, { asOf: at, customerId: c });
      return { kind: 'expired', lots: r.lots, points: r.points };
    }
  }
}

/** The next random operation for customer `c` at `now`, given what the model holds. */
export function nextOp(
  rng: Rng,
  c: string,
  step: number,
  now: number,
  model: LedgerModel,
  /** Earlier writes (credits, debits, reversals), any of which may be replayed. */
  writes: ModelOp[],
  /** Orders that earned so far (reversal targets); a new earn adds its order. */
  orders: string[],
): ModelOp {
  const key = `${c}:${step}`;
  const roll = rng.next();
  const expiry = () =>
    now +
    (rng.chance(0.3)
      ? rng.int(1, 60) * DAY
      : rng.chance(0.5)
        ? rng.int(60, 200) * DAY
        : 365 * DAY) +
    rng.int(0, 23) * HOUR;
  if (roll < 0.32) {
    const orderId = `${c}-o${step}`;
    orders.push(orderId);
    return {
      kind: 'earn',
      at: now,
      key: `order:${orderId}:earn`,
      points: rng.int(1, 300),
      orderId,
      expiresAt: expiry(),
    };
  }
  if (roll < 0.55) {
    const whole = model.balance(now);
    const points = whole > 0 && rng.chance(0.15) ? whole : rng.int(1, 400);
    return { kind: 'redeem', at: now, key, points };
  }
  if (roll < 0.65) return { kind: 'expire', at: now };
  if (roll < 0.77) {
    const orderId = orders.length > 0 && rng.chance(0.85) ? rng.pick(orders) : `${c}-never`;
    return {
      kind: 'reverse',
      at: now,
      key: `${key}:${rng.chance(0.5) ? 'return' : 'cancel'}`,
      orderId,
    };
  }
  if (roll < 0.9) {
    const points = rng.chance(0.5) ? rng.int(1, 150) : -rng.int(1, 200);
    return { kind: 'adjust', at: now, key, points, expiresAt: expiry() };
  }
  // Replay an earlier write with its key and original arguments: it must change nothing.
  return writes.length > 0 ? rng.pick(writes) : { kind: 'expire', at: now };
}
