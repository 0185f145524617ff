/**
 * Noto families by Unicode block. Debian's fonts-noto-core installs them; libass finds them via
 * fontconfig and shapes with HarfBuzz, so conjuncts (क्ष, स्त, ஸ்ரீ, ক্ষ) come out right.
 */
const indicScripts = [
  { script: 'Devanagari', from: 0x0900, to: 0x097f, family: 'Noto Sans Devanagari' },
  { script: 'Bengali', from: 0x0980, to: 0x09ff, family: 'Noto Sans Bengali' },
  { script: 'Gurmukhi', from: 0x0a00, to: 0x0a7f, family: 'Noto Sans Gurmukhi' },
  { script: 'Gujarati', from: 0x0a80, to: 0x0aff, family: 'Noto Sans Gujarati' },
  { script: 'Oriya', from: 0x0b00, to: 0x0b7f, family: 'Noto Sans Oriya' },
  { script: 'Tamil', from: 0x0b80, to: 0x0bff, family: 'Noto Sans Tamil' },
  { script: 'Telugu', from: 0x0c00, to: 0x0c7f, family: 'Noto Sans Telugu' },
  { script: 'Kannada', from: 0x0c80, to: 0x0cff, family: 'Noto Sans Kannada' },
  { script: 'Malayalam', from: 0x0d00, to: 0x0d7f, family: 'Noto Sans Malayalam' },
] as const;

/** Latin, digits and anything else: libass falls back glyph by glyph through fontconfig. */
export const DEFAULT_FONT_FAMILY = 'Noto Sans';

/**
 * The Noto family for a text: the Indic script most of its letters use, else Noto Sans. Chosen
 * from the text itself, not the customer's language, so "नमस्ते Asha" gets Devanagari and a
 * Hindi customer's Latin-only line stays Latin.
 * @example fontFamilyFor('நன்றி Priya') // 'Noto Sans Tamil'
 */
export function fontFamilyFor(text: string): string {
  const counts = new Map<string, number>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const hit = indicScripts.find((s) => code >= s.from && code <= s.to);
    if (hit) counts.set(hit.family, (counts.get(hit.family) ?? 0) + 1);
  }
  let best: string = DEFAULT_FONT_FAMILY;
  let bestCount = 0;
  for (const [family, count] of counts) {
    if (count > bestCount) [best, bestCount] = [family, count];
  }
  return best;
}
