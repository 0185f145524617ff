import { describe, expect, it } from 'vitest';
import { canonicalJson, RENDERER_VERSION, renderKey, type RenderKeyInput } from './cache-key';
import { videoTemplateSchema } from './template-schema';
import { testBrand } from './testing/test-brand';

const template = videoTemplateSchema.parse({
  id: 'demo',
  title: 'Demo',
  durationSeconds: 10,
  brand: testBrand,
  background: { type: 'image', path: 'assets/bg.png' },
  layers: [
    { id: 'greeting', text: { en: 'Hi {{name}}', hi: 'नमस्ते {{name}}' }, start: 0, end: 4 },
    { id: 'item', text: '{{sku}} ships {{eta|soon}}', start: 5, end: 9 },
  ],
});

const base: RenderKeyInput = {
  template,
  language: 'en',
  data: { name: 'Asha', sku: 'SERUM-30', eta: 'Friday' },
  assetDigests: { 'assets/bg.png': 'a'.repeat(64) },
};

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('renderKey', () => {
  const key = renderKey(base);

  it('is a sha256 hex digest, stable for the same inputs in any key order', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(renderKey({ ...base, data: { eta: 'Friday', sku: 'SERUM-30', name: 'Asha' } })).toBe(
      key,
    );
  });

  it('ignores data the template never shows and languages it has no text for', () => {
    expect(renderKey({ ...base, data: { ...base.data, phone: '+91 98' } })).toBe(key);
    expect(renderKey({ ...base, language: 'mr' })).toBe(key);
    expect(renderKey({ ...base, language: 'en-IN' })).toBe(key);
  });

  it('changes with the data shown, the language variant, the template, an asset and the renderer', () => {
    const variants = [
      renderKey({ ...base, data: { ...base.data, name: 'Ravi' } }),
      renderKey({ ...base, data: { name: 'Asha', sku: 'SERUM-30' } }),
      renderKey({ ...base, language: 'hi' }),
      renderKey({ ...base, template: { ...template, fps: 30 } }),
      renderKey({ ...base, assetDigests: { 'assets/bg.png': 'b'.repeat(64) } }),
      renderKey({ ...base, rendererVersion: `${RENDERER_VERSION}+next` }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
  });
});
