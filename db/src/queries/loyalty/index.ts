// The loyalty points ledger: lot-based, append-only, idempotent, no overdraw
// (DOMAIN.md §4; the rules are in docs/loyalty-ledger.md).
export * from './types';
export {
  createProgram,
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
