import { describe, expect, it } from 'vitest';
import { templateInputSchema } from '../../lib/api/templates/schema';
import {
  NEW_TEMPLATE,
  type TemplateLike,
  emptyVariant,
  sampleValue,
  toDraft,
  toInput,
  type TemplateDraft,
} from './template-draft';

describe('template drafts', () => {
  it('round-trips a stored template through the editor unchanged', () => {
    const stored: TemplateLike = {
      id: 'order_video',
      name: 'Your order video',
      channel: 'whatsapp',
      category: 'utility',
      defaultLanguage: 'en',
      variables: ['video', 'thumbnail'],
      variants: [
        {
          language: 'en',
          body: 'Your video is here.',
          subject: null,
          headerMedia: { kind: 'video', url: 'https://cdn.example/v.mp4' },
          providerTemplateName: 'order_video_v1',
          dltTemplateId: null,
          status: 'approved',
        },
      ],
    };
    const parsed = templateInputSchema.parse(toInput(toDraft(stored)));
    expect(parsed).toEqual(stored);
  });

  it('reads variables as typed and reports the schema issues a marketer would see', () => {
    const draft: TemplateDraft = {
      ...NEW_TEMPLATE,
      id: 'promo',
      name: 'Promo',
      variables: ' name,  code ',
      variants: [{ ...emptyVariant('hi'), body: 'Hi {{name}}, use {{coupon}}' }],
    };
    expect(toInput(draft).variables).toEqual(['name', 'code']);
    const result = templateInputSchema.safeParse(toInput(draft));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['variants.0.body', '{{coupon}} is not a declared variable (declared: name, code)'],
      [
        'variants',
        'add a variant in the default language "en" (customers in other languages fall back to it)',
      ],
    ]);
  });

  it('has believable samples, and a readable one for any other name', () => {
    expect(sampleValue('orderId')).toBe('DEMO-1001');
    expect(sampleValue('deliveryDate')).toBe('delivery date');
  });
});
