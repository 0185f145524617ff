import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyMessage } from './loyalty-message';

/** Birthday bonus (DOMAIN.md §4): 200 points that last 30 days, and a message saying so. */
export const loyaltyBirthdayBonus: JourneyDocumentInput = {
  name: 'Loyalty: birthday bonus',
  description: '200 bonus points on the birthday, valid for 30 days.',
  window: { days: 1 },
  reentry: { policy: 'always' },
  nodes: [
    {
      id: 'birthday',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'loyalty.birthday', filters: [] },
    },
    {
      id: 'gift',
      type: 'loyalty.earn_bonus',
      label: '200 birthday points',
      position: { x: 0, y: 120 },
      config: { points: 200, reason: 'birthday', expiresInDays: 30 },
    },
    {
      id: 'wish',
      type: 'message.send',
      label: 'Happy birthday',
      position: { x: 0, y: 240 },
      config: loyaltyMessage('loyalty_birthday_bonus', {
        points: '{{outputs.gift.bonusPoints}}',
        validTill: '{{outputs.gift.bonusExpiresOn}}',
        balance: '{{outputs.gift.balance}}',
      }),
    },
    { id: 'end', type: 'flow.exit', position: { x: 0, y: 360 }, config: { reason: 'completed' } },
  ],
  edges: [
    { source: 'birthday', sourcePort: 'next', target: 'gift' },
    { source: 'gift', sourcePort: 'next', target: 'wish' },
    { source: 'wish', sourcePort: 'next', target: 'end' },
  ],
};
