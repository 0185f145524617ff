// Maps a node's config JSON Schema (from its zod schema, via the node descriptor) to form fields.
// Rich widgets are chosen from the schema's shape, so custom node types get them too: a
// `{ amount, unit }` object is a duration, an `HH:MM` pattern a time, a list of `{ field, op }`
// rules a condition builder, a list of `{ id, percent }` arms a cohort editor.

export type JsonSchema = Record<string, unknown>;

interface FieldBase {
  key: string;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
  schema: JsonSchema;
}

export type FormField =
  | (FieldBase & { kind: 'text'; minLength?: number; pattern?: string })
  | (FieldBase & {
      kind: 'number';
      integer: boolean;
      min?: number;
      max?: number;
      positive: boolean;
    })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: string[] })
  | (FieldBase & { kind: 'duration'; units: string[] })
  | (FieldBase & { kind: 'time' })
  | (FieldBase & { kind: 'event' })
  | (FieldBase & { kind: 'template' })
  | (FieldBase & { kind: 'path' })
  | (FieldBase & { kind: 'rules'; minItems: number; operators: string[] })
  | (FieldBase & { kind: 'arms'; split: 'percent' | 'values' })
  | (FieldBase & { kind: 'record' })
  | (FieldBase & { kind: 'list' })
  | (FieldBase & { kind: 'object'; fields: FormField[] })
  | (FieldBase & { kind: 'json' });

export type FieldKind = FormField['kind'];

export interface UnionVariant {
  value: string;
  label: string;
  fields: FormField[];
  schema: JsonSchema;
}

export type FormModel =
  | { kind: 'fields'; fields: FormField[] }
  | { kind: 'union'; discriminator: string; variants: UnionVariant[] };

const isObj = (v: unknown): v is JsonSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const props = (s: JsonSchema): Record<string, JsonSchema> => {
  const p = s.properties;
  if (!isObj(p)) return {};
  return Object.fromEntries(
    Object.entries(p).filter((e): e is [string, JsonSchema] => isObj(e[1])),
  );
};
const requiredOf = (s: JsonSchema): string[] =>
  Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
const typeOf = (s: JsonSchema): string | undefined =>
  typeof s.type === 'string' ? s.type : undefined;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const labels: Record<string, string> = {
  templateId: 'Template',
  daysAfterEntry: 'Day after entry',
  holdoutPercent: 'Holdout %',
  sameOrder: 'Same order only',
  at: 'At (customer’s local time)',
  match: 'Match',
  timeout: 'Give up after',
  duration: 'Wait for',
  field: 'Attribute',
};

/** "holdoutPercent" → "Holdout percent". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const variantLabels: Record<string, string> = {
  duration: 'For a while',
  until: 'Until a day & time',
  random: 'Random split',
  attribute: 'By attribute',
};

const isTimePattern = (p: unknown) =>
  typeof p === 'string' && p.includes('2[0-3]') && p.includes(':[0-5]');

function isDuration(s: JsonSchema): boolean {
  const p = props(s);
  return typeOf(s) === 'object' && typeOf(p.amount ?? {}) === 'number' && !!p.unit?.enum;
}

function itemsOf(s: JsonSchema): JsonSchema | undefined {
  return isObj(s.items) ? s.items : undefined;
}

/** The form field for one property. */
export function fieldFor(key: string, schema: JsonSchema, required: boolean): FormField {
  const base: FieldBase = {
    key,
    label: labels[key] ?? humanize(key),
    required,
    schema,
    ...(typeof schema.description === 'string' && { description: schema.description }),
    ...('default' in schema && { default: schema.default }),
  };
  const type = typeOf(schema);
  if (isDuration(schema))
    return { ...base, kind: 'duration', units: strings(props(schema).unit?.enum) };
  if (type === 'string') {
    if (Array.isArray(schema.enum)) return { ...base, kind: 'enum', options: strings(schema.enum) };
    if (isTimePattern(schema.pattern)) return { ...base, kind: 'time' };
    if (key === 'event' || /Event$/.test(key)) return { ...base, kind: 'event' };
    if (key === 'templateId' || /TemplateId$/.test(key)) return { ...base, kind: 'template' };
    if (key === 'field' || /dotted path/i.test(String(schema.description ?? '')))
      return { ...base, kind: 'path' };
    return {
      ...base,
      kind: 'text',
      ...(num(schema.minLength) !== undefined && { minLength: num(schema.minLength) }),
      ...(typeof schema.pattern === 'string' && { pattern: schema.pattern }),
    };
  }
  if (type === 'number' || type === 'integer') {
    const min = num(schema.minimum) ?? num(schema.exclusiveMinimum);
    const max = num(schema.maximum);
    return {
      ...base,
      kind: 'number',
      integer: type === 'integer',
      positive: num(schema.exclusiveMinimum) === 0,
      ...(min !== undefined && { min }),
      ...(max !== undefined && max < Number.MAX_SAFE_INTEGER && { max }),
    };
  }
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === 'array') {
    const item = itemsOf(schema) ?? {};
    const itemProps = props(item);
    if (itemProps.field && itemProps.op) {
      return {
        ...base,
        kind: 'rules',
        minItems: num(schema.minItems) ?? 0,
        operators: strings(itemProps.op.enum),
      };
    }
    if (itemProps.id && itemProps.percent) return { ...base, kind: 'arms', split: 'percent' };
    if (itemProps.id && itemProps.values) return { ...base, kind: 'arms', split: 'values' };
    const itemType = typeOf(item);
    if (itemType === 'string' || itemType === 'number' || item.anyOf)
      return { ...base, kind: 'list' };
    return { ...base, kind: 'json' };
  }
  if (type === 'object') {
    if (isObj(schema.additionalProperties) && typeOf(schema.additionalProperties) === 'string')
      return { ...base, kind: 'record' };
    if (schema.properties) return { ...base, kind: 'object', fields: fieldsOf(schema) };
  }
  return { ...base, kind: 'json' };
}

/** The fields of an object schema, in declaration order. */
export function fieldsOf(schema: JsonSchema): FormField[] {
  const required = requiredOf(schema);
  return Object.entries(props(schema)).map(([key, s]) => fieldFor(key, s, required.includes(key)));
}

function discriminatorOf(variants: JsonSchema[]): string | undefined {
  const first = variants[0];
  if (!first) return undefined;
  return Object.keys(props(first)).find((key) =>
    variants.every((v) => props(v)[key]?.const !== undefined),
  );
}

/**
 * The form for a config schema: plain fields, or a mode switch over a discriminated union.
 * @example schemaToForm(waitSchema) // { kind: 'union', discriminator: 'mode', variants: [duration, until] }
 */
export function schemaToForm(schema: JsonSchema): FormModel {
  const options = Array.isArray(schema.oneOf) ? schema.oneOf : schema.anyOf;
  if (Array.isArray(options) && options.length > 0 && options.every(isObj)) {
    const discriminator = discriminatorOf(options);
    if (discriminator) {
      return {
        kind: 'union',
        discriminator,
        variants: options.map((v) => {
          const value = String(props(v)[discriminator]?.const);
          return {
            value,
            label: variantLabels[value] ?? humanize(value),
            fields: fieldsOf(v).filter((f) => f.key !== discriminator),
            schema: v,
          };
        }),
      };
    }
  }
  return { kind: 'fields', fields: fieldsOf(schema) };
}

/**
 * A starting value for a schema: its default or const, else the simplest valid-looking value.
 * @example defaultFor({ type: 'object', properties: { amount: { type: 'number', exclusiveMinimum: 0 } }, required: ['amount'] }) // { amount: 1 }
 */
export function defaultFor(schema: JsonSchema): unknown {
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (isTimePattern(schema.pattern)) return '10:00';
  switch (typeOf(schema)) {
    case 'string':
      return '';
    case 'number':
    case 'integer': {
      const min = num(schema.minimum);
      return min !== undefined ? min : num(schema.exclusiveMinimum) !== undefined ? 1 : 0;
    }
    case 'boolean':
      return false;
    case 'array': {
      const item = itemsOf(schema);
      const n = num(schema.minItems) ?? 0;
      return n > 0 && item ? Array.from({ length: n }, () => defaultFor(item)) : [];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = requiredOf(schema);
      for (const [key, s] of Object.entries(props(schema))) {
        if (required.includes(key) || 'default' in s || 'const' in s) out[key] = defaultFor(s);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** The config for switching a union form to `variant`, keeping fields both variants share. */
export function switchVariant(
  model: Extract<FormModel, { kind: 'union' }>,
  value: string,
  current: unknown,
  example?: unknown,
): Record<string, unknown> {
  const variant = model.variants.find((v) => v.value === value);
  if (!variant) return isObj(current) ? current : {};
  if (isObj(example) && example[model.discriminator] === value) return { ...example };
  const fresh = defaultFor(variant.schema);
  const next: Record<string, unknown> = isObj(fresh) ? { ...fresh } : {};
  // Keep what the user typed in a field both modes share with the same shape.
  const from = isObj(current)
    ? model.variants.find((v) => v.value === current[model.discriminator])
    : undefined;
  if (isObj(current) && from) {
    for (const f of variant.fields) {
      const same = from.fields.find((g) => g.key === f.key);
      if (same && f.key in current && JSON.stringify(same.schema) === JSON.stringify(f.schema))
        next[f.key] = current[f.key];
    }
  }
  next[model.discriminator] = value;
  return next;
}
