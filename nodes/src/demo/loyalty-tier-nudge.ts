import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyMessage } from './loyalty-message';

/**
 * Tier progress nudge (DOMAIN.md §4): the morning after an earn, a customer at ≥ 90% of the next
 * tier hears "₹420 from Gold", one at ≥ 70% a softer nudge; below that, or at the top, nothing.
 */
export const loyaltyTierNudge: JourneyDocumentInput = {
  name: 'Loyalty: tier progress nudge',
  description: 'The morning after an earn: a nudge at 70% and at 90% of the next tier.',
  window: { days: 3 },
  reentry: { policy: 'after_exit' },
  nodes: [
    {
      id: 'earned',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'loyalty.points_earned', filters: [] },
    },
    {
      id: 'next_morning',
      type: 'flow.wait',
      label: 'Next morning, 11:00',
      position: { x: 0, y: 120 },
      config: { mode: 'until', daysAfterEntry: 1, at: '11:00' },
    },
    {
      id: 'progress',
      type: 'loyalty.tier_progress',
      label: 'How close to the next tier?',
      position: { x: 0, y: 240 },
      config: {},
    },
    {
      id: 'nudge_90',
      type: 'message.send',
      label: 'Almost there (≥ 90%)',
      position: { x: -240, y: 360 },
      config: loyaltyMessage('loyalty_tier_almost_there', {
        toNextTier: '{{outputs.progress.toNextTier}}',
        nextTier: '{{outputs.progress.nextTier}}',
      }),
    },
    {
      id: 'nudge_70',
      type: 'message.send',
      label: 'Getting close (≥ 70%)',
      position: { x: -80, y: 360 },
      config: loyaltyMessage('loyalty_tier_progress', {
        toNextTier: '{{outputs.progress.toNextTier}}',
        nextTier: '{{outputs.progress.nextTier}}',
        progress: '{{outputs.progress.progressPercent}}%',
      }),
    },
    { id: 'end', type: 'flow.exit', position: { x: 0, y: 480 }, config: { reason: 'completed' } },
  ],
  edges: [
    { source: 'earned', sourcePort: 'next', target: 'next_morning' },
    { source: 'next_morning', sourcePort: 'next', target: 'progress' },
    { source: 'progress', sourcePort: 'over_90', target: 'nudge_90' },
    { source: 'progress', sourcePort: 'over_70', target: 'nudge_70' },
    { source: 'progress', sourcePort: 'below', target: 'end' },
    { source: 'progress', sourcePort: 'top_tier', target: 'end' },
    { source: 'nudge_90', sourcePort: 'next', target: 'end' },
    { source: 'nudge_70', sourcePort: 'next', target: 'end' },
  ],
};
