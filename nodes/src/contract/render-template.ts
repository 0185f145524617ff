import { readPath } from './predicates';

/**
 * Fills `{{dotted.path}}` placeholders from the run's facts; unknown paths become "" so a
 * missing value never leaks a raw placeholder to a customer. `{{path|fallback}}` sets a default.
 * @example renderTemplate('Hi {{customer.name|there}}', { customer: {} }) // 'Hi there'
 */
export function renderTemplate(template: string, facts: unknown): string {
  return template.replace(
    /\{\{\s*([\w.]+)\s*(?:\|([^}]*))?\}\}/g,
    (_match, path: string, fallback?: string) => {
      const value = readPath(facts, path);
      if (value === undefined || value === null || value === '') return fallback?.trim() ?? '';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    },
  );
}
