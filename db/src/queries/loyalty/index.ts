// The loyalty points ledger: lot-based, append-only, idempotent, no overdraw
// (DOMAIN.md §4; the rules are in docs/loyalty-ledger.md).
export * from './types';
export {
  createProgram,
  updateProgram,
  getProgram,
  getDefaultProgram,
  basePointsFor,
  DEFAULT_EXPIRY_DAYS,
} from './programs';
export type { ProgramInput } from './programs';
export { enrollMember, getMember } from './members';
export type { EnrollInput } from './members';
export { earnPoints } from './earn';
export type { EarnInput } from './earn';
export { redeemPoints } from './redeem';
export type { RedeemInput } from './redeem';
export { adjustPoints } from './adjust';
export type { AdjustInput } from './adjust';
export { reverseOrderPoints } from './reverse';
export type { ReverseInput } from './reverse';
export { expireLots } from './expire';
export type { ExpireInput, ExpireResult } from './expire';
export { getBalance } from './balance';
export { getLots, listEntries } from './history';
export type { LotStatus, LotView } from './history';
// The tier engine (docs/loyalty-ledger.md, "Tiers").
export { getTierStatus } from './tier-status';
export type { TierStatus } from './tier-status';
export { readTierLadder, readRedemptionOptions } from './tier-ladder';
export type { TierLadderTier, TierMetric, RedemptionOptionLike } from './tier-ladder';
export { VISIT_EVENT_TYPES } from './tier-qualifying';
export {
  getLiabilityReport,
  FALLBACK_BREAKAGE_RATE,
  DEFAULT_POINT_VALUE_PAISE,
  LIABILITY_TIME_ZONE,
} from './liability';
export type {
  LiabilityReport,
  LiabilityMovements,
  LiabilityMonth,
  LiabilityInput,
  BreakageEstimate,
  PointsAmount,
} from './liability';
export { applyTierUpgrade } from './tier-upgrade';
export { recalculateTiers, TIER_CHANGED_EVENT } from './tier-recalc';
export type { TierChange, RecalculateResult } from './tier-recalc';
export { earnForOrder, orderEarnKey } from './order-earn';
export type { EarnForOrderInput, EarnForOrderResult } from './order-earn';
export { LOYALTY_EVENTS, pointsEarnedEvent, emitEvents } from './loyalty-events';
export { cartRedemptionOffer, cartRedemptionEligibleEvent } from './cart-redemption';
export type { CartOffer } from './cart-redemption';
export { emitExpiryWarnings, emitTierDowngradeWarnings, WARNING_DAYS } from './warnings';
export type { WarningRow } from './warnings';
export { emitBirthdays } from './birthdays';
export type { BirthdayRow } from './birthdays';
export { memberAndProgram } from './tier-status';
