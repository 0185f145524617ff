// Which `{{path}}` placeholders a run can fill (RunFacts in nodes/src/contract/facts.ts), so
// publishing can refuse a send whose template variable would come out empty.

/** Fields each fact root carries; `*` after a field: any key below it (free-form properties). */
const FIELDS: Record<string, readonly string[]> = {
  customer: ['id', 'name', 'phone', 'email', 'language', 'timeZone', 'attributes*'],
  trigger: ['id', 'type', 'customerId', 'occurredAt', 'properties*'],
  event: ['id', 'type', 'customerId', 'occurredAt', 'properties*'],
  order: ['id', 'status', 'paymentMethod', 'total', 'items*', 'placedAt', 'deliveredAt'],
  journey: ['id', 'versionId', 'runId', 'daysSinceEntry'],
};

/** The steps before a send: on every path to it (`always`) or on some path (`sometimes`). */
export interface PathScope {
  /** Action steps every run passes before this one (their `outputs.<id>.*` are set). */
  alwaysActions: ReadonlySet<string>;
  /** Action steps some runs pass before this one. */
  sometimesActions: ReadonlySet<string>;
  /** Whether a Wait-for-event step (which sets `event.*`) comes first always, sometimes or never. */
  eventWait: 'always' | 'sometimes' | 'never';
}

/** One `{{path|fallback}}` placeholder of a mapping. */
export interface MappingPath {
  path: string;
  hasFallback: boolean;
}

const PLACEHOLDER = /\{\{\s*([^}|]*?)\s*(\|[^}]*)?\}\}/g;

/**
 * The placeholders of a send step's variable mapping.
 * @example mappingPaths('Hi {{customer.name|there}}') // [{ path: 'customer.name', hasFallback: true }]
 */
export function mappingPaths(mapping: string): MappingPath[] {
  return [...mapping.matchAll(PLACEHOLDER)].map((m) => ({
    path: (m[1] ?? '').trim(),
    hasFallback: m[2] !== undefined && m[2].slice(1).trim() !== '',
  }));
}

const SOMETIMES = 'is only set on some paths to this step: add a fallback, e.g. {{path|…}}';

/**
 * Why a run cannot provide `path`, or null when it can. A value only some paths set is fine with
 * a fallback (`{{outputs.x.y|0}}`); a path that never exists is wrong with or without one.
 * @example pathProblem({ path: 'customer.nmae', hasFallback: true }, scope) // 'customer has no "nmae" (…)'
 */
export function pathProblem({ path, hasFallback }: MappingPath, scope: PathScope): string | null {
  const [root = '', ...rest] = path.split('.');
  if (root === 'outputs') {
    const [nodeId, key] = rest;
    if (!nodeId || !key)
      return `${path}: name a step and one of its outputs, e.g. outputs.balance.balance`;
    if (scope.alwaysActions.has(nodeId)) return null;
    if (!scope.sometimesActions.has(nodeId))
      return `${path}: no action step "${nodeId}" runs before this one`;
    return hasFallback ? null : `${path} ${SOMETIMES}`;
  }
  if (root === 'eventCounts')
    return rest.length > 0 ? null : `${path}: name an event type, e.g. eventCounts.order.placed`;
  const fields = FIELDS[root];
  if (!fields)
    return `${path}: unknown fact "${root}" (use customer, trigger, order, event, outputs, journey or eventCounts)`;
  const [field = '', ...below] = rest;
  const names = fields.map((f) => f.replace('*', '.*')).join(', ');
  if (!fields.includes(field) && !fields.includes(`${field}*`))
    return field === ''
      ? `${path}: name a field of ${root} (${names})`
      : `${path}: ${root} has no "${field}" (it has ${names})`;
  if (fields.includes(field) && below.length > 0) return `${path}: ${root}.${field} has no fields`;
  if (root === 'event' && scope.eventWait !== 'always') {
    if (scope.eventWait === 'never')
      return `${path}: event.* is only set after a Wait-for-event step; use trigger.* for the entry event`;
    return hasFallback ? null : `${path} ${SOMETIMES}`;
  }
  return null;
}
