import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { permanentFailure } from './errors';
import { videoTemplateSchema, type VideoTemplate } from './template-schema';

/** The gallery shipped with Yatra: order confirmation, unboxing tip, loyalty status. */
export const galleryDir = fileURLToPath(new URL('./templates/', import.meta.url));

/** A validated template and the folder its relative asset paths start from. */
export interface StoredTemplate {
  template: VideoTemplate;
  dir: string;
  file: string;
}

/** Absolute path of an asset a template names. */
export function assetPath(stored: StoredTemplate, file: string): string {
  return path.isAbsolute(file) ? file : path.join(stored.dir, file);
}

/** Reads and validates one template file; the error names the file and each bad field. */
export async function loadTemplateFile(file: string): Promise<StoredTemplate> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`video template ${file}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = videoTemplateSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`video template ${file} is invalid: ${issues.join('; ')}`);
  }
  const expected = path.basename(file, '.json');
  if (parsed.data.id !== expected)
    throw new Error(`video template ${file}: id "${parsed.data.id}" must match the file name`);
  return { template: parsed.data, dir: path.dirname(file), file };
}

/**
 * Loads every `<id>.json` in the folders; a later folder's template replaces an earlier one
 * with the same id, so a brand can restyle a gallery template without touching Yatra.
 * @example const templates = await loadTemplates([galleryDir, '/srv/brand-templates']);
 */
export async function loadTemplates(dirs: readonly string[]): Promise<Map<string, StoredTemplate>> {
  const templates = new Map<string, StoredTemplate>();
  for (const dir of dirs) {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const stored = await loadTemplateFile(path.join(dir, file));
      templates.set(stored.template.id, stored);
    }
  }
  return templates;
}

/**
 * Finds templates by id, loading the folders on first use. Lookup failures are permanent (a
 * render of an unknown or broken template never succeeds on retry); a load error is not
 * remembered, so a fixed file is picked up by the next render.
 * @example const find = createTemplateLookup([galleryDir]); const { template } = await find('unboxing_tip');
 */
export function createTemplateLookup(dirs: readonly string[]) {
  let loading: Promise<Map<string, StoredTemplate>> | undefined;
  return async function find(templateId: string): Promise<StoredTemplate> {
    loading ??= loadTemplates(dirs);
    const all = await loading.catch((error: unknown) => {
      loading = undefined;
      throw permanentFailure(error instanceof Error ? error.message : String(error), error);
    });
    const stored = all.get(templateId);
    if (!stored) {
      const known = [...all.keys()].sort().join(', ');
      throw permanentFailure(`unknown video template "${templateId}" (known: ${known})`);
    }
    return stored;
  };
}
