// One-line descriptions of node configs for the canvas. Pure and defensive: a draft's config may
// not parse yet, so every read checks its type.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function duration(v: unknown): string | undefined {
  if (!isObj(v) || typeof v.amount !== 'number') return undefined;
  const unit = str(v.unit) ?? 'days';
  return `${v.amount} ${v.amount === 1 ? unit.replace(/s$/, '') : unit}`;
}

const opWords: Record<string, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  exists: 'exists',
  not_exists: 'is missing',
};

function rule(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  const field = str(v.field);
  const op = str(v.op);
  if (!field || !op) return undefined;
  const value = Array.isArray(v.value) ? v.value.map(str).join(', ') : str(v.value);
  return [field, opWords[op] ?? op, value].filter(Boolean).join(' ');
}

function filters(v: unknown): string {
  const n = arr(v).length;
  return n > 0 ? ` · ${plural(n, 'filter')}` : '';
}

const summarizers: Record<string, (c: Obj) => string | undefined> = {
  'trigger.event': (c) => `on ${str(c.event) ?? '?'}${filters(c.filters)}`,
  'flow.wait': (c) =>
    c.mode === 'until'
      ? `until day ${str(c.daysAfterEntry) ?? '?'} at ${str(c.at) ?? '?'}`
      : `wait ${duration(c.duration) ?? '?'}`,
  'flow.wait_for_event': (c) =>
    `${str(c.event) ?? '?'} · timeout ${duration(c.timeout) ?? '?'}${filters(c.filters)}`,
  'flow.condition': (c) => {
    const rules = arr(c.rules);
    const first = rule(rules[0]);
    if (!first) return 'no rules yet';
    return rules.length > 1
      ? `${first} ${c.match === 'any' ? 'or' : 'and'} ${rules.length - 1} more`
      : first;
  },
  'audience.cohort_split': (c) => {
    if (c.mode === 'attribute') return `by ${str(c.field) ?? '?'}`;
    const arms = arr(c.arms)
      .filter(isObj)
      .map((a) => `${str(a.label) ?? str(a.id) ?? '?'} ${str(a.percent) ?? '?'}%`);
    if (typeof c.holdoutPercent === 'number' && c.holdoutPercent > 0)
      arms.push(`holdout ${c.holdoutPercent}%`);
    return arms.join(' · ');
  },
  'message.send': (c) => `${str(c.channel) ?? 'whatsapp'} · ${str(c.templateId) ?? '?'}`,
  'flow.exit': (c) => `reason: ${str(c.reason) ?? 'completed'}`,
};

/**
 * A short description of a node's config for its canvas card.
 * @example summarizeConfig('flow.wait', { mode: 'duration', duration: { amount: 2, unit: 'days' } }) // 'wait 2 days'
 */
export function summarizeConfig(type: string, config: unknown): string {
  const c = isObj(config) ? config : {};
  const specific = summarizers[type]?.(c);
  if (specific) return specific;
  // Custom node types: the first few scalar settings.
  return Object.entries(c)
    .map(([k, v]) => [k, str(v)] as const)
    .filter((kv): kv is readonly [string, string] => kv[1] !== undefined)
    .slice(0, 2)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}
