import { createHash } from 'node:crypto';
import { pickLanguage, placeholdersOf } from './layers';
import type { VideoTemplate } from './template-schema';

/**
 * Bump when the pipeline's output changes for the same inputs (ffmpeg arguments, ASS styling,
 * font choice): every key changes, so no stale file is served for a new look.
 */
export const RENDERER_VERSION = 'yatra-ffmpeg-ass/1';

/** JSON with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface RenderKeyInput {
  template: VideoTemplate;
  language: string;
  data: Record<string, string>;
  /** sha256 of each asset file the template uses, by its path in the template. */
  assetDigests: Record<string, string>;
  rendererVersion?: string;
}

/**
 * The content address of a render: sha256 over everything that decides its pixels — the
 * template (with its assets' contents), the text variant, the data its placeholders use, and
 * the renderer version. Data the template never shows and languages it has no text for do not
 * change the key, so those customers share one file.
 * @example renderKey({ template, language: 'hi', data: { name: 'आशा' }, assetDigests: {} }) // 64 hex chars
 */
export function renderKey(input: RenderKeyInput): string {
  const variant = pickLanguage(input.template, input.language);
  const used = Object.fromEntries(
    placeholdersOf(input.template, variant).map((name) => [name, input.data[name] ?? null]),
  );
  const material = canonicalJson({
    renderer: input.rendererVersion ?? RENDERER_VERSION,
    template: input.template,
    variant,
    data: used,
    assets: input.assetDigests,
  });
  return createHash('sha256').update(material).digest('hex');
}
