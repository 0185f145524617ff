// Pure text helpers of the template registry (no database): the send pipeline, the registry API
// and the template editor's live preview (in the browser) all read placeholders the same way.

/** `{{name}}`, with spaces allowed inside the braces; a `|fallback` is not part of the name. */
const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|[^{}]*)?\}\}/g;

/**
 * The distinct `{{name}}` placeholders of a template body, in order of first use.
 * @example templatePlaceholders('Hi {{name}}, order {{orderId}} for {{name}}') // ['name', 'orderId']
 */
export function templatePlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Fills `{{name}}` placeholders from `values`; a placeholder without a value stays visible as
 * written, so a preview (or a reviewer of the outbox) sees what is missing.
 * @example renderTemplateBody('Hi {{name}}', { name: 'Asha' }) // 'Hi Asha'
 */
export function renderTemplateBody(body: string, values: Record<string, unknown>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null || value === '' ? whole : String(value);
  });
}

/**
 * Languages to try, best first: the exact tag (`hi-in`), its base (`hi`), then the template's
 * default. Tags compare case-insensitively, as BCP 47 says.
 * @example languageCandidates('hi-IN', 'en') // ['hi-in', 'hi', 'en']
 */
export function languageCandidates(requested: string | undefined, fallback: string): string[] {
  const wanted = (requested ?? '').trim().toLowerCase();
  const base = wanted.split(/[-_]/)[0] ?? '';
  return [...new Set([wanted, base, fallback.toLowerCase()].filter((l) => l !== ''))];
}

/**
 * The send variable that replaces a header's registered sample media, per kind: a send step maps
 * it from a render-video step (`video: '{{outputs.render.videoUrl}}'`), so each customer gets
 * their own video; without it the registered sample goes out.
 */
export const HEADER_MEDIA_VARIABLE = { video: 'video', image: 'image' } as const;
