// The Simulate panel's form: JSON boxes and timeline rows as the marketer types them, turned into
// a request body checked with the route's own schema, and problems pinned to the box at fault.
import { simulateBodySchema, type SimulateInput } from './simulation-input';

export interface ScriptRow {
  /** Stable React key. */
  key: number;
  day: number | undefined;
  type: string;
  propertiesText: string;
}

export interface SimulationForm {
  customerText: string;
  entryType: string;
  entryPropertiesText: string;
  /** `YYYY-MM-DDTHH:MM` in the customer's time zone. */
  enterAt: string;
  events: ScriptRow[];
}

export interface FormIssue {
  /** Where: `customer.timeZone`, `entryEvent.properties.total`, `events.0.day` … */
  path: string;
  message: string;
}

/** The box an issue belongs to: `customer`, `entry`, `events.<i>`, or `request`. */
export function sectionOf(path: string): string {
  if (path === 'customer' || path.startsWith('customer.')) return 'customer';
  if (path === 'entryEvent' || path.startsWith('entryEvent.') || path === 'enterAt') return 'entry';
  const row = /^events\.(\d+)(\.|$)/.exec(path);
  return row ? `events.${row[1]}` : 'request';
}

/** Issues grouped by `sectionOf`, each message prefixed with the field inside its box. */
export function issuesBySection(issues: readonly FormIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const section = sectionOf(issue.path);
    const inner = issue.path
      .replace(/^customer\.?/, '')
      .replace(/^entryEvent\.?/, '')
      .replace(/^events\.\d+\.?/, '');
    const text = inner && section !== 'request' ? `${inner}: ${issue.message}` : issue.message;
    map.set(section, [...(map.get(section) ?? []), text]);
  }
  return map;
}

function parseJson(text: string, path: string, issues: FormIssue[]): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'not JSON';
    issues.push({ path, message: `not valid JSON (${why})` });
    return undefined;
  }
}

/**
 * The request body for the form, or every problem with it (JSON syntax first, then the route's
 * schema): the same checks the server makes, so a bad field is named before anything is sent.
 * @example buildSimulateBody(form) // { ok: true, body: { customer, entryEvent, events, enterAt } }
 */
export function buildSimulateBody(
  form: SimulationForm,
): { ok: true; body: SimulateInput } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const customer = parseJson(form.customerText, 'customer', issues);
  const entryProperties = parseJson(form.entryPropertiesText, 'entryEvent.properties', issues);
  const events = form.events.map((row, i) => ({
    day: row.day,
    type: row.type.trim(),
    properties: parseJson(row.propertiesText, `events.${i}.properties`, issues),
  }));
  if (issues.length > 0) return { ok: false, issues };
  const body = {
    customer,
    entryEvent: { type: form.entryType.trim(), properties: entryProperties },
    events,
    enterAt: form.enterAt,
  };
  const parsed = simulateBodySchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  return { ok: true, body: parsed.data };
}
