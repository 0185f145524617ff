import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyMessage } from './loyalty-message';

/**
 * Earn confirmation (DOMAIN.md §4): "you earned 80 points, balance 1,240" after every earn; with
 * 500 points or more the message adds that they can already be spent (500 points = ₹50 off).
 */
export const loyaltyEarnConfirmation: JourneyDocumentInput = {
  name: 'Loyalty: points earned',
  description: 'Confirms every earn with the new balance; mentions redemption from 500 points.',
  window: { days: 1 },
  reentry: { policy: 'always' },
  nodes: [
    {
      id: 'earned',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'loyalty.points_earned', filters: [] },
    },
    {
      id: 'balance',
      type: 'loyalty.balance_check',
      label: 'Enough to redeem?',
      position: { x: 0, y: 120 },
      config: { threshold: 500 },
    },
    {
      id: 'confirm_redeemable',
      type: 'message.send',
      label: 'Earned — you can redeem',
      position: { x: -160, y: 240 },
      config: loyaltyMessage('loyalty_points_earned_redeemable', {
        points: '{{trigger.properties.points}}',
        balance: '{{outputs.balance.balance}}',
      }),
    },
    {
      id: 'confirm',
      type: 'message.send',
      label: 'Earned',
      position: { x: 160, y: 240 },
      config: loyaltyMessage('loyalty_points_earned', {
        points: '{{trigger.properties.points}}',
        balance: '{{outputs.balance.balance}}',
      }),
    },
    { id: 'end', type: 'flow.exit', position: { x: 0, y: 360 }, config: { reason: 'completed' } },
  ],
  edges: [
    { source: 'earned', sourcePort: 'next', target: 'balance' },
    { source: 'balance', sourcePort: 'at_least', target: 'confirm_redeemable' },
    { source: 'balance', sourcePort: 'below', target: 'confirm' },
    { source: 'confirm_redeemable', sourcePort: 'next', target: 'end' },
    { source: 'confirm', sourcePort: 'next', target: 'end' },
  ],
};
