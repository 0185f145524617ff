import { describe, expect, it } from 'vitest';
import { renderDataSchema, videoTemplateSchema } from './template-schema';
import { galleryDir, loadTemplates } from './template-store';
import { testBrand } from './testing/test-brand';

const valid = {
  id: 'hello',
  title: 'Hello',
  durationSeconds: 10,
  brand: testBrand,
  background: { type: 'color' },
  layers: [{ id: 'greeting', text: { en: 'Hi {{name}}', hi: 'नमस्ते {{name}}' }, start: 0, end: 5 }],
};

/** The issues of parsing `template`, as `path: message`. */
function issues(template: unknown): string[] {
  const parsed = videoTemplateSchema.safeParse(template);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('videoTemplateSchema', () => {
  it('accepts a minimal template and fills the defaults', () => {
    const template = videoTemplateSchema.parse(valid);
    expect(template.fps).toBe(25);
    expect(template.defaultLanguage).toBe('en');
    expect(template.background).toEqual({ type: 'color', color: 'background' });
    expect(template.layers[0]).toMatchObject({
      x: 0.5,
      y: 0.5,
      align: 'center',
      size: 56,
      color: 'text',
      fadeInMs: 300,
    });
  });

  it('names each bad field', () => {
    expect(
      issues({
        ...valid,
        brand: { ...valid.brand, accent: 'yellow' },
        background: { type: 'video', path: 'a.mp4' },
        layers: [
          { id: 'Greeting', text: 'Hi', start: 2, end: 1, color: 'pink' },
          { id: 'late', text: 'Bye', start: 8, end: 12 },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        'brand.accent: a colour like #1E3A8A',
        expect.stringMatching(/^background\.type: /),
        'layers.0.id: lower_snake_case, starting with a letter',
        expect.stringMatching(/^layers\.0\.color: /),
        'layers.0.end: end must be after start',
      ]),
    );
  });

  it('refuses layers past the end, duplicate ids, a missing default-language text and a thumbnail outside', () => {
    expect(
      issues({
        ...valid,
        thumbnailAt: 10,
        layers: [
          { id: 'a', text: { hi: 'नमस्ते' }, start: 0, end: 4 },
          { id: 'a', text: 'Bye', start: 8, end: 12 },
        ],
      }),
    ).toEqual([
      'layers.0.text: has no "en" text (the default language)',
      'layers.1.id: duplicate layer id "a"',
      'layers.1.end: ends at 12 s, after the video (10 s)',
      'thumbnailAt: must be inside the video',
    ]);
  });

  it('validates the gallery: three templates, each in English and Hindi, with Tamil and Bengali', async () => {
    const templates = await loadTemplates([galleryDir]);
    expect([...templates.keys()].sort()).toEqual([
      'loyalty_status',
      'order_confirmation',
      'unboxing_tip',
    ]);
    const languages = new Set<string>();
    for (const { template } of templates.values()) {
      for (const layer of template.layers) {
        expect(typeof layer.text).toBe('object');
        if (typeof layer.text === 'string') continue;
        expect(Object.keys(layer.text)).toEqual(expect.arrayContaining(['en', 'hi']));
        Object.keys(layer.text).forEach((l) => languages.add(l));
      }
    }
    expect([...languages].sort()).toEqual(['bn', 'en', 'hi', 'ta']);
  });
});

describe('renderDataSchema', () => {
  it('takes short strings under placeholder names', () => {
    expect(renderDataSchema.safeParse({ name: 'Asha', order_id: '1001' }).success).toBe(true);
    const bad = renderDataSchema.safeParse({ 'bad key': 'x', name: 'x'.repeat(201) });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'a placeholder name like name or order_id',
        'at most 200 characters',
      ]),
    );
  });
});
