import { describe, expect, it } from 'vitest';
import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  renderTemplateBody,
  resolveTemplate,
  templateCategories,
  upsertTemplate,
  type TemplateInput,
} from './queries/templates';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

const variant = (
  language: string,
  body: string,
  extra: Partial<TemplateInput['variants'][0]> = {},
) => ({
  language,
  body,
  subject: null,
  headerMedia: null,
  providerTemplateName: null,
  dltTemplateId: null,
  ...extra,
});

const orderConfirmation: TemplateInput = {
  id: 'order_confirmation',
  name: 'Order confirmation',
  channel: 'whatsapp',
  category: 'utility',
  defaultLanguage: 'en',
  variables: ['name', 'order_id'],
  variants: [
    variant('en', 'Hi {{name}}, order {{order_id}} is confirmed.', {
      providerTemplateName: 'order_confirmation_v2',
      headerMedia: { kind: 'video', url: 'https://cdn.example/v.mp4' },
    }),
    variant('hi', 'नमस्ते {{name}}, ऑर्डर {{order_id}} पक्का हो गया।'),
    variant('ta', 'வணக்கம் {{name}}', { status: 'pending' }),
  ],
};

describe('template registry', () => {
  it('resolves the exact language, then its base, then the default; only approved variants', async () => {
    await upsertTemplate(t.db, orderConfirmation);
    const query = { templateId: 'order_confirmation', channel: 'whatsapp' };

    const hi = await resolveTemplate(t.db, { ...query, language: 'hi' });
    expect(hi).toEqual({
      templateId: 'order_confirmation',
      channel: 'whatsapp',
      category: 'utility',
      language: 'hi',
      variables: ['name', 'order_id'],
      body: 'नमस्ते {{name}}, ऑर्डर {{order_id}} पक्का हो गया।',
      subject: null,
      providerTemplateName: 'order_confirmation',
      dltTemplateId: null,
    });
    expect((await resolveTemplate(t.db, { ...query, language: 'hi-IN' }))?.language).toBe('hi');
    // Tamil is only pending approval: the default language goes out instead.
    const ta = await resolveTemplate(t.db, { ...query, language: 'ta' });
    expect(ta?.language).toBe('en');
    expect(ta?.providerTemplateName).toBe('order_confirmation_v2');
    expect(ta?.headerMedia).toEqual({ kind: 'video', url: 'https://cdn.example/v.mp4' });
    expect((await resolveTemplate(t.db, { ...query, language: null }))?.language).toBe('en');
  });

  it('returns null for an unknown template, another channel, or no approved variant', async () => {
    await upsertTemplate(t.db, orderConfirmation);
    expect(await resolveTemplate(t.db, { templateId: 'nope', channel: 'whatsapp' })).toBeNull();
    expect(
      await resolveTemplate(t.db, { templateId: 'order_confirmation', channel: 'sms' }),
    ).toBeNull();
    await upsertTemplate(t.db, {
      ...orderConfirmation,
      id: 'draft_only',
      variants: [variant('en', 'draft', { status: 'pending' })],
    });
    expect(
      await resolveTemplate(t.db, {
        templateId: 'draft_only',
        channel: 'whatsapp',
        language: 'en',
      }),
    ).toBeNull();
  });

  it('replaces the whole variant set on upsert, lists, filters by channel and deletes', async () => {
    await upsertTemplate(t.db, orderConfirmation);
    const saved = await upsertTemplate(t.db, {
      ...orderConfirmation,
      name: 'Order confirmed',
      category: 'marketing',
      variants: [variant('en', 'Hi {{name}}'), variant('bn', 'নমস্কার {{name}}')],
    });
    expect(saved.name).toBe('Order confirmed');
    expect(saved.variants.map((v) => [v.language, v.status])).toEqual([
      ['bn', 'approved'],
      ['en', 'approved'],
    ]);
    await upsertTemplate(t.db, {
      id: 'otp_sms',
      name: 'OTP',
      channel: 'sms',
      category: 'authentication',
      defaultLanguage: 'en',
      variables: ['code'],
      variants: [variant('en', 'Your code is {{code}}', { dltTemplateId: '1107160000000000001' })],
    });
    expect((await listTemplates(t.db, { channel: 'sms' })).map((x) => x.id)).toEqual(['otp_sms']);
    expect((await listTemplates(t.db)).map((x) => x.id)).toContain('order_confirmation');
    expect(await templateCategories(t.db, ['otp_sms', 'order_confirmation', 'ghost'])).toEqual(
      new Map([
        ['otp_sms', 'authentication'],
        ['order_confirmation', 'marketing'],
      ]),
    );
    expect(
      (await resolveTemplate(t.db, { templateId: 'otp_sms', channel: 'sms' }))?.dltTemplateId,
    ).toBe('1107160000000000001');

    expect(await deleteTemplate(t.db, 'otp_sms')).toBe(true);
    expect(await deleteTemplate(t.db, 'otp_sms')).toBe(false);
    expect(await getTemplate(t.db, 'otp_sms')).toBeNull();
  });

  it('renders placeholders and leaves missing ones visible', () => {
    expect(
      renderTemplateBody('Hi {{name}}, {{ points }} pts {{gone}}', { name: 'Asha', points: 40 }),
    ).toBe('Hi Asha, 40 pts {{gone}}');
  });
});
