// Import / export of a journey as JSON (the documented journey format, README "The journey
// format"). The browser checks the shape with the journey document's own zod schema: it is
// plain data and zod, no node code (configs are checked by the server's compile, as for any
// draft). Importing fills the format's defaults; exporting writes what the editor holds, so
// export → import → export gives the same bytes.
import { journeyDocumentSchema } from '@yatra/nodes/journey/document';
import type { JourneyDocument } from './types';

export type ImportResult =
  | { ok: true; document: JourneyDocument }
  | { ok: false; errors: { path: string; message: string }[] };

/** The journey as the file people download: pretty JSON with a trailing newline. */
export function exportJourney(doc: JourneyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name for the export: `45-day-post-purchase-playbook.journey.json`. */
export function exportFileName(doc: JourneyDocument): string {
  const slug = doc.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'journey'}.journey.json`;
}

function lineAndColumn(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

/**
 * Reads an exported journey (or `{ document }`, as the API accepts). Errors name the field:
 * `nodes.2.type: expected string`.
 * @example importJourney(exportJourney(doc)) // { ok: true, document: doc }
 */
export function importJourney(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: '', message: `Not JSON: ${lineAndColumn(text, message)}` }],
    };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'document' in value)
    value = value.document;
  const parsed = journeyDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  const ids = new Set<string>();
  for (const node of parsed.data.nodes) {
    if (ids.has(node.id))
      return {
        ok: false,
        errors: [{ path: 'nodes', message: `two nodes share the id "${node.id}"` }],
      };
    ids.add(node.id);
  }
  return { ok: true, document: parsed.data };
}
