import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyMessage } from './loyalty-message';

/**
 * Expiry warning (DOMAIN.md §4), on each of the nightly job's 30 / 14 / 7-day warnings: says how
 * many points expire and when — re-read from the ledger, so points spent since say nothing.
 */
export const loyaltyExpiryWarning: JourneyDocumentInput = {
  name: 'Loyalty: points expiring',
  description: 'Warns 30, 14 and 7 days before points expire, unless they were spent meanwhile.',
  window: { days: 1 },
  reentry: { policy: 'always' },
  nodes: [
    {
      id: 'warning',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'loyalty.points_expiring', filters: [] },
    },
    {
      id: 'expiring',
      type: 'loyalty.points_expiring',
      label: 'Still expiring?',
      position: { x: 0, y: 120 },
      config: { withinDays: 31 },
    },
    {
      id: 'warn',
      type: 'message.send',
      label: 'Points expire soon',
      position: { x: -120, y: 240 },
      config: loyaltyMessage('loyalty_points_expiring', {
        points: '{{outputs.expiring.expiringPoints}}',
        date: '{{outputs.expiring.expiringOn}}',
        balance: '{{outputs.expiring.balance}}',
      }),
    },
    { id: 'end', type: 'flow.exit', position: { x: 0, y: 360 }, config: { reason: 'completed' } },
  ],
  edges: [
    { source: 'warning', sourcePort: 'next', target: 'expiring' },
    { source: 'expiring', sourcePort: 'expiring', target: 'warn' },
    { source: 'expiring', sourcePort: 'none', target: 'end' },
    { source: 'warn', sourcePort: 'next', target: 'end' },
  ],
};
