import { describe, expect, it } from 'vitest';
import { assColour, assTime, buildAss, escapeAssText } from './ass';
import { fontFamilyFor } from './fonts';
import { pickLanguage, placeholdersOf, resolveLayers } from './layers';
import { videoTemplateSchema } from './template-schema';
import { testBrand } from './testing/test-brand';

const template = videoTemplateSchema.parse({
  id: 'demo',
  title: 'Demo',
  durationSeconds: 12,
  brand: testBrand,
  background: { type: 'color' },
  layers: [
    {
      id: 'greeting',
      text: { en: 'Hi {{name|there}}!', hi: 'नमस्ते {{name|जी}}!', ta: 'வணக்கம் {{name}}!' },
      x: 0.25,
      y: 0.3,
      align: 'left',
      size: 80,
      bold: true,
      start: 0.5,
      end: 4.25,
      fadeInMs: 400,
      fadeOutMs: 200,
    },
    { id: 'sku', text: '{{sku}}', color: 'accent', start: 5, end: 11 },
    { id: 'fixed', text: { en: 'Line one\nline two' }, color: '#00FF80', start: 5, end: 11 },
  ],
});

const dialogues = (ass: string) => ass.split('\n').filter((l) => l.startsWith('Dialogue:'));
const styles = (ass: string) => ass.split('\n').filter((l) => l.startsWith('Style:'));

describe('ASS helpers', () => {
  it('writes colours as &HAABBGGRR and times as H:MM:SS.cc', () => {
    expect(assColour('#FACC15')).toBe('&H0015CCFA');
    expect(assColour('#000000', 0x80)).toBe('&H80000000');
    expect(assTime(0)).toBe('0:00:00.00');
    expect(assTime(4.256)).toBe('0:00:04.26');
    expect(assTime(3725.5)).toBe('1:02:05.50');
  });

  it('keeps data literal: no override blocks, no escapes', () => {
    expect(escapeAssText('{\\b1}Bold')).toBe('\\{\\\u2060b1\\}Bold');
    expect(escapeAssText('a\\Nb')).toBe('a\\\u2060Nb');
    expect(escapeAssText('one\ntwo')).toBe('one\\Ntwo');
  });

  it('picks a Noto family from the script of the text itself', () => {
    expect(fontFamilyFor('Hi Asha')).toBe('Noto Sans');
    expect(fontFamilyFor('नमस्ते Asha')).toBe('Noto Sans Devanagari');
    expect(fontFamilyFor('வணக்கம் Priya')).toBe('Noto Sans Tamil');
    expect(fontFamilyFor('নমস্কার Ananya')).toBe('Noto Sans Bengali');
    expect(fontFamilyFor('1250')).toBe('Noto Sans');
  });
});

describe('layers', () => {
  it('uses the customer language when the template has it, else the default', () => {
    expect(pickLanguage(template, 'hi-IN')).toBe('hi');
    expect(pickLanguage(template, 'TA')).toBe('ta');
    expect(pickLanguage(template, 'mr')).toBe('en');
  });

  it('lists the placeholders a variant uses', () => {
    expect(placeholdersOf(template, 'en')).toEqual(['name', 'sku']);
  });

  it('fills placeholders with cleaned data, fallbacks for missing values', () => {
    const layers = resolveLayers(template, 'en', { sku: 'SERUM-30\n\t(30 ml)' });
    expect(layers.map((l) => l.text)).toEqual([
      'Hi there!',
      'SERUM-30 (30 ml)',
      'Line one\nline two',
    ]);
    expect(layers.map((l) => l.colour)).toEqual(['#FFFFFF', '#FACC15', '#00FF80']);
  });
});

describe('buildAss', () => {
  it('styles each layer with its font, size, colour, weight and alignment', () => {
    const ass = buildAss(resolveLayers(template, 'hi', { name: 'आशा', sku: 'SERUM-30' }));
    expect(ass).toContain('PlayResX: 1280\nPlayResY: 720');
    expect(styles(ass)).toEqual([
      'Style: greeting,Noto Sans Devanagari,80,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,0,0,4,48,48,0,1',
      'Style: sku,Noto Sans,56,&H0015CCFA,&H0015CCFA,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,0,0,5,48,48,0,1',
      'Style: fixed,Noto Sans,56,&H0080FF00,&H0080FF00,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,0,0,5,48,48,0,1',
    ]);
  });

  it('positions, times and fades each line, and breaks lines the template breaks', () => {
    const ass = buildAss(resolveLayers(template, 'hi', { name: 'आशा', sku: 'SERUM-30' }));
    expect(dialogues(ass)).toEqual([
      'Dialogue: 0,0:00:00.50,0:00:04.25,greeting,,0,0,0,,{\\pos(320,216)\\fad(400,200)}नमस्ते आशा!',
      'Dialogue: 0,0:00:05.00,0:00:11.00,sku,,0,0,0,,{\\pos(640,360)\\fad(300,300)}SERUM-30',
      'Dialogue: 0,0:00:05.00,0:00:11.00,fixed,,0,0,0,,{\\pos(640,360)\\fad(300,300)}Line one\\Nline two',
    ]);
  });

  it('leaves out layers whose text came out empty', () => {
    const ass = buildAss(resolveLayers(template, 'ta', {}));
    expect(dialogues(ass).map((l) => l.split(',')[3])).toEqual(['greeting', 'fixed']);
    expect(dialogues(ass)[0]).toContain('வணக்கம் !');
    const onlyName = buildAss(resolveLayers(template, 'en', { sku: '   ' }));
    expect(dialogues(onlyName).map((l) => l.split(',')[3])).toEqual(['greeting', 'fixed']);
  });
});
