'use client';

// The inspector's template picker: registered templates of the step's channel first (with their
// category and languages), then the demo's hints and ids this journey already uses.
import { useEffect, useState } from 'react';

export interface RegistryTemplate {
  id: string;
  name: string;
  channel: string;
  category: string;
  variables: string[];
  variants: { language: string; status: string }[];
}

export interface TemplateOption {
  value: string;
  label: string;
}

let cache: Promise<RegistryTemplate[]> | null = null;

function isRegistryTemplate(v: unknown): v is RegistryTemplate {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof Reflect.get(v, 'id') === 'string' &&
    typeof Reflect.get(v, 'channel') === 'string' &&
    Array.isArray(Reflect.get(v, 'variants'))
  );
}

async function fetchRegistry(): Promise<RegistryTemplate[]> {
  const res = await fetch('/api/templates');
  if (!res.ok) return [];
  const body: unknown = await res.json();
  const list: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'templates') : [];
  return Array.isArray(list) ? list.filter(isRegistryTemplate) : [];
}

/** The registry, fetched once per page load (empty until it arrives, or if it cannot be read). */
export function useRegistryTemplates(): RegistryTemplate[] {
  const [templates, setTemplates] = useState<RegistryTemplate[]>([]);
  useEffect(() => {
    let live = true;
    cache ??= fetchRegistry().catch(() => {
      cache = null;
      return [];
    });
    void cache.then((list) => live && setTemplates(list));
    return () => {
      live = false;
    };
  }, []);
  return templates;
}

/**
 * Picker options for a send step on `channel`.
 * @example templateOptions(registry, 'whatsapp', [], ['cod_reassurance'])
 */
export function templateOptions(
  registry: readonly RegistryTemplate[],
  channel: string | undefined,
  hints: readonly { id: string; description: string }[],
  used: readonly string[],
): TemplateOption[] {
  const registered = registry
    .filter((t) => channel === undefined || t.channel === channel)
    .map((t) => ({
      value: t.id,
      label: `${t.name} · ${t.category} · ${t.variants.map((v) => v.language).join(', ')}${
        t.variables.length > 0 ? ` · ${t.variables.map((v) => `{{${v}}}`).join(' ')}` : ''
      }`,
    }));
  const known = new Set(registry.map((t) => t.id));
  const unregistered = hints
    .filter((h) => !known.has(h.id))
    .map((h) => ({
      value: h.id,
      label: registry.length > 0 ? `${h.description} (not registered)` : h.description,
    }));
  const listed = new Set([...known, ...hints.map((h) => h.id)]);
  const extra = [...new Set(used)]
    .filter((t) => !listed.has(t))
    .map((value) => ({ value, label: 'used in this journey' }));
  return [...registered, ...unregistered, ...extra];
}

/** Where a variable of a common name usually comes from (a marketer can change it). */
const USUAL_SOURCES: Record<string, string> = {
  name: '{{customer.name|there}}',
  orderId: '{{order.id}}',
  points: '{{trigger.properties.points}}',
  balance: '{{trigger.properties.balance}}',
};

/**
 * A send step's config after picking a registered template: each declared variable it does not
 * map yet gets its usual source (`name` → `{{customer.name|there}}`); others stay unmapped, so
 * publishing names them. Returns `config` itself when nothing changes.
 * @example withUsualSources({ templateId: 'x', variables: {} }, { variables: ['name'] })
 */
export function withUsualSources(
  config: Record<string, unknown>,
  template: Pick<RegistryTemplate, 'variables'> | undefined,
): Record<string, unknown> {
  const current: unknown = config.variables;
  const mapped: Record<string, unknown> =
    typeof current === 'object' && current !== null ? { ...current } : {};
  let changed = false;
  for (const name of template?.variables ?? []) {
    const usual = USUAL_SOURCES[name];
    if (mapped[name] === undefined && usual) {
      mapped[name] = usual;
      changed = true;
    }
  }
  return changed ? { ...config, variables: mapped } : config;
}
