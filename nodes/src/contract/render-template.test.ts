import { describe, it, expect } from 'vitest';
import { renderTemplate } from './render-template';

const facts = {
  customer: { name: 'Asha', attributes: { tier: 'gold', points: 0, tags: ['vip'] } },
  order: { id: 'o-17', total: 129_900, items: [{ sku: 'tea' }] },
  empty: '',
  nothing: null,
};

describe('renderTemplate', () => {
  it('fills dotted paths, including numbers and array indexes', () => {
    expect(renderTemplate('Hi {{customer.name}}, order {{order.id}}', facts)).toBe(
      'Hi Asha, order o-17',
    );
    expect(renderTemplate('{{order.total}} paise', facts)).toBe('129900 paise');
    expect(renderTemplate('{{order.items.0.sku}}', facts)).toBe('tea');
  });

  it('tolerates spaces inside the braces', () => {
    expect(renderTemplate('Hi {{ customer.name }}', facts)).toBe('Hi Asha');
  });

  it('renders missing, null and empty values as empty strings', () => {
    expect(renderTemplate('Hi {{customer.nickname}}!', facts)).toBe('Hi !');
    expect(renderTemplate('[{{nothing}}][{{empty}}][{{no.such.path}}]', facts)).toBe('[][][]');
  });

  it('uses the fallback after | when the value is missing, null or empty', () => {
    expect(renderTemplate('Hi {{customer.nickname|there}}', facts)).toBe('Hi there');
    expect(renderTemplate('Hi {{x|there}}', {})).toBe('Hi there');
    expect(renderTemplate('{{nothing|n/a}} {{empty|blank}}', facts)).toBe('n/a blank');
    expect(renderTemplate('Hi {{customer.name|there}}', facts)).toBe('Hi Asha');
    expect(renderTemplate('Hi {{customer.nickname|}}', facts)).toBe('Hi ');
  });

  it('keeps falsy-but-present values such as 0', () => {
    expect(renderTemplate('{{customer.attributes.points|none}} points', facts)).toBe('0 points');
  });

  it('renders objects and arrays as JSON', () => {
    expect(renderTemplate('{{customer.attributes.tags}}', facts)).toBe('["vip"]');
    expect(renderTemplate('{{order.items.0}}', facts)).toBe('{"sku":"tea"}');
  });

  it('replaces every placeholder and leaves other text alone', () => {
    expect(renderTemplate('{{customer.name}} & {{customer.name}}', facts)).toBe('Asha & Asha');
    expect(renderTemplate('no placeholders {single} here', facts)).toBe(
      'no placeholders {single} here',
    );
    expect(renderTemplate('', facts)).toBe('');
  });
});
