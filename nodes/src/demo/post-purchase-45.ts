import type { JourneyDocumentInput } from '../journey/document';

const send = (
  templateId: string,
  category: 'utility' | 'marketing',
  variables: Record<string, string> = {},
) => ({
  channel: 'whatsapp',
  templateId,
  category,
  variables: { name: '{{customer.name|there}}', ...variables },
});

/**
 * The 45-day post-purchase playbook (DOMAIN.md §1) with the engine's built-in nodes: trust
 * (confirmation, COD reassurance), value (delivery, how-to, CSAT), cross-sell on day 14 against a
 * 10% holdout, loyalty invite on day 30; a second order exits the customer at once.
 */
export const postPurchase45: JourneyDocumentInput = {
  name: '45-day post-purchase playbook',
  description: 'First order → second order: trust, value, cross-sell and loyalty over 45 days.',
  window: { days: 45 },
  reentry: { policy: 'once' },
  goals: [{ id: 'second_order', label: 'Second order placed', event: 'order.placed', filters: [] }],
  nodes: [
    {
      id: 'first_order',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      config: { event: 'order.placed', filters: [] },
    },
    {
      id: 'confirm',
      type: 'message.send',
      label: 'Order confirmation',
      position: { x: 0, y: 120 },
      config: send('order_confirmation', 'utility', { orderId: '{{order.id}}' }),
    },
    {
      id: 'is_cod',
      type: 'flow.condition',
      label: 'Cash on delivery?',
      position: { x: 0, y: 240 },
      config: { match: 'all', rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
    },
    {
      id: 'cod_reassure',
      type: 'message.send',
      label: 'Hassle-free returns',
      position: { x: 220, y: 340 },
      config: send('cod_reassurance', 'utility'),
    },
    {
      id: 'await_delivery',
      type: 'flow.wait_for_event',
      label: 'Delivered?',
      position: { x: 0, y: 460 },
      config: { event: 'order.delivered', sameOrder: true, timeout: { amount: 7, unit: 'days' } },
    },
    {
      id: 'how_to_use',
      type: 'message.send',
      label: 'How to use',
      position: { x: -220, y: 580 },
      config: send('how_to_use', 'utility'),
    },
    {
      id: 'wait_csat',
      type: 'flow.wait',
      label: '2 days',
      position: { x: -220, y: 700 },
      config: { mode: 'duration', duration: { amount: 2, unit: 'days' } },
    },
    {
      id: 'csat',
      type: 'message.send',
      label: 'How was it?',
      position: { x: -220, y: 820 },
      config: send('csat_request', 'utility'),
    },
    {
      id: 'day14',
      type: 'flow.wait',
      label: 'Day 14, 10:00',
      position: { x: -220, y: 940 },
      config: { mode: 'until', daysAfterEntry: 14, at: '10:00' },
    },
    {
      id: 'cross_sell_split',
      type: 'audience.cohort_split',
      label: 'Holdout 10%',
      position: { x: -220, y: 1060 },
      config: {
        mode: 'random',
        arms: [{ id: 'treatment', label: 'Nudge', percent: 90 }],
        holdoutPercent: 10,
      },
    },
    {
      id: 'cross_sell',
      type: 'message.send',
      label: 'Cross-sell nudge',
      position: { x: -440, y: 1180 },
      config: send('cross_sell_nudge', 'marketing'),
    },
    {
      id: 'day30',
      type: 'flow.wait',
      label: 'Day 30, 10:00',
      position: { x: -220, y: 1300 },
      config: { mode: 'until', daysAfterEntry: 30, at: '10:00' },
    },
    {
      id: 'loyalty_invite',
      type: 'message.send',
      label: 'Join the club',
      position: { x: -220, y: 1420 },
      config: send('loyalty_invite', 'marketing'),
    },
    {
      id: 'window_end',
      type: 'flow.wait',
      label: 'Until the window closes',
      position: { x: -220, y: 1540 },
      config: { mode: 'until', daysAfterEntry: 45, at: '23:59' },
    },
    {
      id: 'done',
      type: 'flow.exit',
      position: { x: -220, y: 1660 },
      config: { reason: 'completed' },
    },
    {
      id: 'delivery_check',
      type: 'message.send',
      label: 'Checking on your order',
      position: { x: 220, y: 580 },
      config: send('delivery_delay', 'utility', { orderId: '{{order.id}}' }),
    },
    {
      id: 'not_delivered',
      type: 'flow.exit',
      position: { x: 220, y: 700 },
      config: { reason: 'not_delivered' },
    },
  ],
  edges: [
    { source: 'first_order', sourcePort: 'next', target: 'confirm' },
    { source: 'confirm', sourcePort: 'next', target: 'is_cod' },
    { source: 'is_cod', sourcePort: 'yes', target: 'cod_reassure' },
    { source: 'is_cod', sourcePort: 'no', target: 'await_delivery' },
    { source: 'cod_reassure', sourcePort: 'next', target: 'await_delivery' },
    { source: 'await_delivery', sourcePort: 'event', target: 'how_to_use' },
    { source: 'await_delivery', sourcePort: 'timeout', target: 'delivery_check' },
    { source: 'how_to_use', sourcePort: 'next', target: 'wait_csat' },
    { source: 'wait_csat', sourcePort: 'next', target: 'csat' },
    { source: 'csat', sourcePort: 'next', target: 'day14' },
    { source: 'day14', sourcePort: 'next', target: 'cross_sell_split' },
    { source: 'cross_sell_split', sourcePort: 'treatment', target: 'cross_sell' },
    { source: 'cross_sell_split', sourcePort: 'holdout', target: 'day30' },
    { source: 'cross_sell', sourcePort: 'next', target: 'day30' },
    { source: 'day30', sourcePort: 'next', target: 'loyalty_invite' },
    { source: 'loyalty_invite', sourcePort: 'next', target: 'window_end' },
    { source: 'window_end', sourcePort: 'next', target: 'done' },
    { source: 'delivery_check', sourcePort: 'next', target: 'not_delivered' },
  ],
};
