import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyMessage } from './loyalty-message';

/**
 * Redeem at cart (DOMAIN.md §4): a cart above the threshold with 500+ points gets "use 500 points
 * = ₹50 off? tap to apply" (the engine offers it once per cart session); the tap arrives as
 * `cart.redemption_requested` and the points are spent at once.
 */
export const loyaltyRedeemAtCart: JourneyDocumentInput = {
  name: 'Loyalty: redeem at cart',
  description: 'Offers the smallest redemption on a big enough cart; one tap applies it.',
  window: { days: 2 },
  reentry: { policy: 'always' },
  nodes: [
    {
      id: 'eligible',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'cart.redemption_eligible', filters: [] },
    },
    {
      id: 'offer',
      type: 'message.send',
      label: 'Use your points?',
      position: { x: 0, y: 120 },
      config: loyaltyMessage('loyalty_redeem_offer', {
        points: '{{trigger.properties.points}}',
        reward: '{{trigger.properties.option.label|₹50 off}}',
      }),
    },
    {
      id: 'tap',
      type: 'flow.wait_for_event',
      label: 'Tapped "apply"?',
      position: { x: 0, y: 240 },
      config: {
        event: 'cart.redemption_requested',
        sameOrder: false,
        timeout: { amount: 1, unit: 'days' },
      },
    },
    {
      id: 'redeem',
      type: 'loyalty.redeem',
      label: 'Apply the redemption',
      position: { x: -120, y: 360 },
      config: { mode: 'option', optionId: '{{trigger.properties.option.id}}' },
    },
    {
      id: 'applied',
      type: 'message.send',
      label: 'Applied',
      position: { x: -240, y: 480 },
      config: loyaltyMessage('loyalty_redeem_applied', {
        reward: '{{outputs.redeem.optionLabel}}',
        points: '{{outputs.redeem.redeemedPoints}}',
        balance: '{{outputs.redeem.balance}}',
      }),
    },
    {
      id: 'short',
      type: 'message.send',
      label: 'Not enough points any more',
      position: { x: 0, y: 480 },
      config: loyaltyMessage('loyalty_redeem_insufficient', {
        balance: '{{outputs.redeem.balance}}',
      }),
    },
    { id: 'end', type: 'flow.exit', position: { x: 0, y: 600 }, config: { reason: 'completed' } },
  ],
  edges: [
    { source: 'eligible', sourcePort: 'next', target: 'offer' },
    { source: 'offer', sourcePort: 'next', target: 'tap' },
    { source: 'tap', sourcePort: 'event', target: 'redeem' },
    { source: 'tap', sourcePort: 'timeout', target: 'end' },
    { source: 'redeem', sourcePort: 'redeemed', target: 'applied' },
    { source: 'redeem', sourcePort: 'insufficient', target: 'short' },
    { source: 'applied', sourcePort: 'next', target: 'end' },
    { source: 'short', sourcePort: 'next', target: 'end' },
  ],
};
