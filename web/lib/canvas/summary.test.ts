import { describe, expect, it } from 'vitest';
import { summarizeConfig } from './summary';

describe('summarizeConfig', () => {
  it.each([
    ['trigger.event', { event: 'order.placed', filters: [] }, 'on order.placed'],
    ['flow.wait', { mode: 'duration', duration: { amount: 2, unit: 'days' } }, 'wait 2 days'],
    ['flow.wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }, 'wait 1 hour'],
    ['flow.wait', { mode: 'until', daysAfterEntry: 14, at: '10:00' }, 'until day 14 at 10:00'],
    [
      'flow.condition',
      { match: 'all', rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
      'order.paymentMethod = cod',
    ],
    ['message.send', { channel: 'whatsapp', templateId: 'csat' }, 'whatsapp · csat'],
    [
      'custom.thing',
      { points: 50, reason: 'birthday', nested: {} },
      'points: 50 · reason: birthday',
    ],
    ['flow.condition', 'garbage', 'no rules yet'],
  ])('%s %j → %s', (type, config, expected) => {
    expect(summarizeConfig(type, config)).toBe(expected);
  });
});
