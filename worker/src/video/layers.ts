import { renderTemplate } from '@yatra/nodes';
import { fontFamilyFor } from './fonts';
import { resolveColour, type TextLayer, type VideoTemplate } from './template-schema';

/** A text layer ready to draw: its final text, colour and font. */
export interface ResolvedLayer {
  layer: TextLayer;
  text: string;
  colour: string;
  fontFamily: string;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*(?:\|[^}]*)?\}\}/g;

/** `hi-IN`, `HI` → `hi`. */
const baseLanguage = (language: string) => language.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The text variant a render uses: the customer's language when any layer has it, else the
 * template's default. Part of the cache key, so `mr` and `en` customers share an English video.
 * @example pickLanguage(template, 'hi-IN') // 'hi'
 */
export function pickLanguage(template: VideoTemplate, language: string): string {
  const wanted = baseLanguage(language);
  const offered = template.layers.some(
    (layer) => typeof layer.text !== 'string' && wanted in layer.text,
  );
  return offered ? wanted : template.defaultLanguage;
}

function textOf(template: VideoTemplate, layer: TextLayer, variant: string): string {
  if (typeof layer.text === 'string') return layer.text;
  return layer.text[variant] ?? layer.text[template.defaultLanguage] ?? '';
}

/** Placeholder names the chosen variant uses: only these data values can change the video. */
export function placeholdersOf(template: VideoTemplate, variant: string): string[] {
  const names = new Set<string>();
  for (const layer of template.layers) {
    for (const match of textOf(template, layer, variant).matchAll(PLACEHOLDER))
      if (match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

/** Data values are one line of plain text: control characters and newlines become spaces. */
const cleanValue = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim();

/**
 * Fills each layer's text for a language and data, and picks its colour and font.
 * @example resolveLayers(template, 'hi', { name: 'आशा' })[0].fontFamily // 'Noto Sans Devanagari'
 */
export function resolveLayers(
  template: VideoTemplate,
  variant: string,
  data: Record<string, string>,
): ResolvedLayer[] {
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, cleanValue(v)]));
  return template.layers.map((layer) => {
    const text = renderTemplate(textOf(template, layer, variant), values).trim();
    return {
      layer,
      text,
      colour: resolveColour(template, layer.color),
      fontFamily: fontFamilyFor(text),
    };
  });
}
