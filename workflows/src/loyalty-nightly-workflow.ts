import { proxyActivities } from '@temporalio/workflow';
import type { LoyaltyNightlyActivities } from '@yatra/worker/loyalty/nightly-activities';

// The nightly loyalty job, started by the `loyalty-nightly` Temporal Schedule at 02:00
// Asia/Kolkata (worker/src/loyalty/schedule.ts). Deterministic: it only sequences activities.

export interface LoyaltyNightlyInput {
  /** Business time of the run (epoch ms); default the workflow clock, i.e. the action time. */
  at?: number;
}

export interface LoyaltyNightlySummary {
  at: number;
  tiers: Awaited<ReturnType<LoyaltyNightlyActivities['loyaltyRecalculateTiers']>>;
  expired: Awaited<ReturnType<LoyaltyNightlyActivities['loyaltyExpirePoints']>>;
  expiryWarnings: number;
  downgradeWarnings: number;
  birthdays: number;
}

const nightly = proxyActivities<LoyaltyNightlyActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Tiers first (so a member downgraded tonight gets no downgrade warning for the period just
 * ended), then expiry entries, then the warnings about what comes next, then birthdays.
 */
export async function loyaltyNightlyWorkflow(
  input: LoyaltyNightlyInput = {},
): Promise<LoyaltyNightlySummary> {
  const at = input.at ?? Date.now();
  const tiers = await nightly.loyaltyRecalculateTiers({ at });
  const expired = await nightly.loyaltyExpirePoints({ at });
  const expiring = await nightly.loyaltyWarnExpiringPoints({ at });
  const downgrade = await nightly.loyaltyWarnTierDowngrades({ at });
  const birthdays = await nightly.loyaltyBirthdays({ at });
  return {
    at,
    tiers,
    expired,
    expiryWarnings: expiring.warnings,
    downgradeWarnings: downgrade.warnings,
    birthdays: birthdays.birthdays,
  };
}
