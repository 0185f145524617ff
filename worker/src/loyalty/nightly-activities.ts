// Activities of the nightly loyalty job (workflows/src/loyalty-nightly-workflow.ts). Each step is
// a set-based statement in db/ that emits its events in the same transaction with deterministic
// keys, so a retried activity neither loses nor repeats an event. They return counts only: a
// night's changes for 100k members must not travel through workflow history.
import {
  emitBirthdays,
  emitExpiryWarnings,
  emitTierDowngradeWarnings,
  expireLots,
  recalculateTiers,
  type Db,
} from '@yatra/db';

/** Lots expired per statement: bounded transactions, so ledger writes never wait long. */
const EXPIRY_BATCH = 5_000;

export interface NightlyStepInput {
  /** The run's business time (epoch ms): the schedule's action time, from the workflow clock. */
  at: number;
}

/**
 * @example new Worker({ activities: { ...createLoyaltyNightlyActivities({ db }) }, … })
 */
export function createLoyaltyNightlyActivities(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** (a) Upgrades, period-end downgrades and requalifications; emits loyalty.tier_changed. */
    async loyaltyRecalculateTiers({ at }: NightlyStepInput) {
      const { changes, requalified } = await recalculateTiers(db, new Date(at));
      const count = (reason: string) => changes.filter((c) => c.reason === reason).length;
      return {
        upgrades: count('upgrade'),
        downgrades: count('downgrade'),
        initial: count('initial'),
        requalified,
        announced: changes.filter((c) => c.emitted).length,
      };
    },

    /** (b) Expiry entries for every lot expired by `at`, in batches. */
    async loyaltyExpirePoints({ at }: NightlyStepInput) {
      let lots = 0;
      let points = 0;
      for (;;) {
        const batch = await expireLots(db, { asOf: new Date(at), limit: EXPIRY_BATCH });
        lots += batch.lots;
        points += batch.points;
        if (!batch.hasMore || batch.lots === 0) return { lots, points };
      }
    },

    /** (c) loyalty.points_expiring at 30 / 14 / 7 days before lots expire. */
    async loyaltyWarnExpiringPoints({ at }: NightlyStepInput) {
      return { warnings: (await emitExpiryWarnings(db, new Date(at))).length };
    },

    /** (d) loyalty.tier_downgrade_warning at 30 / 14 / 7 days before a tier period ends. */
    async loyaltyWarnTierDowngrades({ at }: NightlyStepInput) {
      return { warnings: (await emitTierDowngradeWarnings(db, new Date(at))).length };
    },

    /** (e) loyalty.birthday, once per member per year. */
    async loyaltyBirthdays({ at }: NightlyStepInput) {
      return { birthdays: (await emitBirthdays(db, new Date(at))).length };
    },
  };
}

export type LoyaltyNightlyActivities = ReturnType<typeof createLoyaltyNightlyActivities>;
