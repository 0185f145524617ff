// The loyalty moments the demo seeds (DOMAIN.md §4), each a journey on an event the loyalty engine
// emits. examples/journeys/loyalty-*.json hold the same documents for the CLI.
import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyBirthdayBonus } from './loyalty-birthday-bonus';
import { loyaltyEarnConfirmation } from './loyalty-earn-confirmation';
import { loyaltyExpiryWarning } from './loyalty-expiry-warning';
import { loyaltyRedeemAtCart } from './loyalty-redeem-at-cart';
import { loyaltyTierNudge } from './loyalty-tier-nudge';

/** Example file name (under examples/journeys/) → journey document. */
export const loyaltyDemoJourneys: Record<string, JourneyDocumentInput> = {
  'loyalty-earn-confirmation': loyaltyEarnConfirmation,
  'loyalty-tier-nudge': loyaltyTierNudge,
  'loyalty-expiry-warning': loyaltyExpiryWarning,
  'loyalty-birthday-bonus': loyaltyBirthdayBonus,
  'loyalty-redeem-at-cart': loyaltyRedeemAtCart,
};
