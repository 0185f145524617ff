import { describe, expect, it } from 'vitest';
import { templateOptions, withUsualSources, type RegistryTemplate } from './registry-options';

const registry: RegistryTemplate[] = [
  {
    id: 'order_confirmation',
    name: 'Order confirmation',
    channel: 'whatsapp',
    category: 'utility',
    variables: ['name', 'orderId'],
    variants: [
      { language: 'en', status: 'approved' },
      { language: 'hi', status: 'approved' },
    ],
  },
  {
    id: 'order_shipped_sms',
    name: 'Order shipped',
    channel: 'sms',
    category: 'utility',
    variables: [],
    variants: [{ language: 'en', status: 'approved' }],
  },
];
const hints = [
  { id: 'order_confirmation', description: 'Order confirmed' },
  { id: 'csat_request', description: 'How was it?' },
];

describe('templateOptions', () => {
  it("lists the channel's registered templates first, then unregistered hints and ids in use", () => {
    expect(templateOptions(registry, 'whatsapp', hints, ['csat_request', 'my_own'])).toEqual([
      {
        value: 'order_confirmation',
        label: 'Order confirmation · utility · en, hi · {{name}} {{orderId}}',
      },
      { value: 'csat_request', label: 'How was it? (not registered)' },
      { value: 'my_own', label: 'used in this journey' },
    ]);
    expect(templateOptions(registry, 'sms', [], []).map((o) => o.value)).toEqual([
      'order_shipped_sms',
    ]);
  });

  it('without a registry keeps the plain hints', () => {
    expect(templateOptions([], undefined, hints, [])).toEqual([
      { value: 'order_confirmation', label: 'Order confirmed' },
      { value: 'csat_request', label: 'How was it?' },
    ]);
  });
});

describe('withUsualSources', () => {
  it('maps the variables a picked template declares to their usual sources, keeping the rest', () => {
    const config = { templateId: 'order_confirmation', variables: { name: '{{customer.name}}' } };
    expect(withUsualSources(config, registry[0])).toEqual({
      templateId: 'order_confirmation',
      variables: { name: '{{customer.name}}', orderId: '{{order.id}}' },
    });
    const done = withUsualSources(config, { variables: ['name', 'coupon'] });
    expect(done).toBe(config);
    expect(withUsualSources({}, undefined)).toEqual({});
  });
});
