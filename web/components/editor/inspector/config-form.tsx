'use client';

// Renders a node config form from its JSON Schema (see lib/editor/schema-form.ts): one widget
// per field kind, a mode switch for discriminated unions, errors under the field they concern.
import { switchVariant, type FormField, type FormModel } from '../../../lib/editor/schema-form';
import { fieldSuggestions, type RuleContext } from '../../../lib/editor/suggestions';
import { ArmsEditor } from './arms-editor';
import {
  Field,
  NumberInput,
  Segmented,
  Select,
  SmallButton,
  Suggestions,
  TextInput,
  Toggle,
  inputBase,
  inputClass,
} from './controls';
import { EventHintText, EventPicker } from './event-picker';
import { RulesEditor } from './rules-editor';
import { XIcon, PlusIcon } from '../../icons';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface FieldError {
  path: string;
  message: string;
}

export interface FormContext {
  ruleContext: RuleContext;
  /** Template ids to suggest (the demo's and those used in this journey). */
  templates: { value: string; label?: string }[];
  errors: FieldError[];
  example: unknown;
  /** Prefix for element ids (unique per node). */
  idPrefix: string;
}

/** Errors under `key`, with paths made relative to it. */
export function errorsUnder(errors: FieldError[], key: string): FieldError[] {
  return errors.flatMap((e) =>
    e.path === key
      ? [{ path: '', message: e.message }]
      : e.path.startsWith(`${key}.`)
        ? [{ path: e.path.slice(key.length + 1), message: e.message }]
        : [],
  );
}

const firstMessage = (errors: FieldError[]) => errors[0]?.message;

/** The generated form of a node's config. Every change calls `onChange(next, fieldKey)`. */
export function ConfigForm({
  model,
  value,
  onChange,
  ctx,
}: {
  model: FormModel;
  value: unknown;
  onChange(next: Obj, key: string): void;
  ctx: FormContext;
}) {
  const config = isObj(value) ? value : {};
  if (model.kind === 'fields') {
    return <Fields fields={model.fields} value={config} onChange={onChange} ctx={ctx} />;
  }
  const current = String(config[model.discriminator] ?? model.variants[0]?.value ?? '');
  const variant = model.variants.find((v) => v.value === current) ?? model.variants[0];
  const options = model.variants.map((v) => ({ value: v.value, label: v.label }));
  const rootError = firstMessage(errorsUnder(ctx.errors, model.discriminator));
  return (
    <div className="space-y-4">
      <Field field={model.discriminator} label="Mode" error={rootError}>
        {options.length <= 3 ? (
          <Segmented
            name={`${ctx.idPrefix}-mode`}
            ariaLabel="Mode"
            testId="mode-switch"
            value={current}
            options={options}
            onChange={(v) =>
              onChange(switchVariant(model, v, config, ctx.example), model.discriminator)
            }
          />
        ) : (
          <Select
            ariaLabel="Mode"
            value={current}
            options={options}
            onChange={(v) =>
              onChange(switchVariant(model, v, config, ctx.example), model.discriminator)
            }
          />
        )}
      </Field>
      {variant && <Fields fields={variant.fields} value={config} onChange={onChange} ctx={ctx} />}
    </div>
  );
}

function Fields({
  fields,
  value,
  onChange,
  ctx,
}: {
  fields: FormField[];
  value: Obj;
  onChange(next: Obj, key: string): void;
  ctx: FormContext;
}) {
  return (
    <div className="space-y-4">
      {fields.map((field) => (
        <FieldView
          key={field.key}
          field={field}
          value={value[field.key]}
          siblings={value}
          errors={errorsUnder(ctx.errors, field.key)}
          ctx={ctx}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined || (v === '' && !field.required)) delete next[field.key];
            else next[field.key] = v;
            onChange(next, field.key);
          }}
        />
      ))}
    </div>
  );
}

const str = (v: unknown) =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
const numOrUndef = (v: unknown) => (typeof v === 'number' ? v : undefined);

function FieldView({
  field,
  value,
  siblings,
  errors,
  ctx,
  onChange,
}: {
  field: FormField;
  value: unknown;
  siblings: Obj;
  errors: FieldError[];
  ctx: FormContext;
  onChange(value: unknown): void;
}) {
  const id = `${ctx.idPrefix}-${field.key}`;
  const listId = `${id}-list`;
  const error = firstMessage(errors);
  const common = {
    field: field.key,
    label: field.label,
    required: field.required,
    hint: field.description,
    error,
    htmlFor: id,
  };
  switch (field.kind) {
    case 'text':
      return (
        <Field {...common}>
          <TextInput
            id={id}
            value={str(value)}
            invalid={!!error}
            placeholder={field.default === undefined ? undefined : str(field.default)}
            onChange={onChange}
          />
        </Field>
      );
    case 'number':
      return (
        <Field {...common}>
          <NumberInput
            id={id}
            value={numOrUndef(value)}
            invalid={!!error}
            min={field.min}
            max={field.max}
            step={field.integer ? 1 : undefined}
            onChange={onChange}
          />
        </Field>
      );
    case 'boolean':
      return (
        <Field {...common} label={field.label} hint={undefined}>
          <Toggle
            id={id}
            checked={typeof value === 'boolean' ? value : field.default === true}
            onChange={onChange}
            label={field.description ?? field.label}
          />
        </Field>
      );
    case 'enum': {
      const current = str(value ?? field.default ?? field.options[0]);
      const options = field.options.map((o) => ({ value: o, label: enumLabel(o) }));
      return (
        <Field {...common}>
          {field.options.length <= 3 ? (
            <Segmented
              name={id}
              ariaLabel={field.label}
              value={current}
              options={options}
              onChange={onChange}
            />
          ) : (
            <Select id={id} value={current} options={options} onChange={onChange} />
          )}
        </Field>
      );
    }
    case 'duration': {
      const d = isObj(value) ? value : {};
      const unit = str(d.unit ?? 'days');
      return (
        <Field {...common} error={error}>
          <div data-testid="duration" className="flex gap-1.5">
            <NumberInput
              id={id}
              ariaLabel={`${field.label}: amount`}
              value={numOrUndef(d.amount)}
              min={0}
              invalid={!!error}
              className="w-24"
              onChange={(amount) => onChange({ ...d, amount, unit })}
            />
            <Select
              ariaLabel={`${field.label}: unit`}
              value={unit}
              options={(field.units.length ? field.units : ['minutes', 'hours', 'days']).map(
                (u) => ({ value: u, label: u }),
              )}
              onChange={(u) => onChange({ ...d, unit: u })}
              className="flex-1"
            />
          </div>
        </Field>
      );
    }
    case 'time':
      return (
        <Field {...common}>
          <TextInput id={id} type="time" value={str(value)} invalid={!!error} onChange={onChange} />
        </Field>
      );
    case 'event':
      return (
        <Field
          {...common}
          hint={
            <EventHintText
              type={str(value)}
              fallback={
                field.description ?? 'Any event type your store sends, e.g. order.delivered'
              }
            />
          }
        >
          <EventPicker id={id} value={str(value)} invalid={!!error} onChange={onChange} />
        </Field>
      );
    case 'template':
      return (
        <Field {...common}>
          <TextInput
            id={id}
            value={str(value)}
            list={listId}
            mono
            invalid={!!error}
            placeholder="order_confirmation"
            onChange={onChange}
          />
          <Suggestions id={listId} values={ctx.templates} />
        </Field>
      );
    case 'path':
      return (
        <Field {...common}>
          <TextInput
            id={id}
            value={str(value)}
            list={listId}
            mono
            invalid={!!error}
            placeholder="customer.language"
            onChange={onChange}
          />
          <Suggestions
            id={listId}
            values={fieldSuggestions(ctx.ruleContext).map((v) => ({ value: v }))}
          />
        </Field>
      );
    case 'rules':
      return (
        <Field {...common} htmlFor={undefined} hint={undefined}>
          <RulesEditor
            idPrefix={id}
            rules={Array.isArray(value) ? value : []}
            operators={field.operators}
            minItems={field.minItems}
            context={ctx.ruleContext}
            errors={errors}
            onChange={onChange}
          />
        </Field>
      );
    case 'arms':
      return (
        <Field {...common} htmlFor={undefined} hint={undefined} error={undefined}>
          <ArmsEditor
            split={field.split}
            arms={Array.isArray(value) ? value : []}
            holdout={numOrUndef(siblings.holdoutPercent) ?? 0}
            hasHoldout={'holdoutPercent' in siblings || field.split === 'percent'}
            errors={errors}
            onChange={onChange}
          />
        </Field>
      );
    case 'record':
      return (
        <Field
          {...common}
          htmlFor={undefined}
          hint="Filled from the run's facts, e.g. {{customer.name|there}}"
        >
          <RecordEditor value={isObj(value) ? value : {}} onChange={onChange} />
        </Field>
      );
    case 'list':
      return (
        <Field {...common} hint={field.description ?? 'Separate values with commas'}>
          <TextInput
            id={id}
            value={Array.isArray(value) ? value.map(str).join(', ') : ''}
            invalid={!!error}
            onChange={(t) =>
              onChange(
                t
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              )
            }
          />
        </Field>
      );
    case 'object':
      return (
        <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-xs font-medium text-slate-700">{field.label}</legend>
          <Fields
            fields={field.fields}
            value={isObj(value) ? value : {}}
            ctx={{ ...ctx, errors, idPrefix: id }}
            onChange={(next) => onChange(next)}
          />
        </fieldset>
      );
    case 'json':
      return (
        <Field {...common}>
          <JsonBox id={id} value={value} onChange={onChange} />
        </Field>
      );
  }
}

const enumWords: Record<string, string> = {
  all: 'All rules',
  any: 'Any rule',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
};

function enumLabel(value: string): string {
  return enumWords[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

function RecordEditor({ value, onChange }: { value: Obj; onChange(v: Obj): void }) {
  const entries = Object.entries(value);
  const rename = (from: string, to: string) =>
    onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  return (
    <div data-testid="record" className="space-y-1.5">
      {entries.map(([key, v], i) => (
        <div key={i} className="flex items-center gap-1.5">
          <input
            aria-label="Variable name"
            value={key}
            onChange={(e) => rename(key, e.target.value)}
            className={`${inputBase} w-28 font-mono text-[12px]`}
          />
          <input
            aria-label={`Value of ${key}`}
            value={str(v)}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            className={`${inputBase} flex-1 font-mono text-[12px]`}
          />
          <SmallButton
            tone="danger"
            ariaLabel={`Remove ${key}`}
            onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}
          >
            <XIcon className="size-3.5" />
          </SmallButton>
        </div>
      ))}
      <SmallButton
        tone="ghost"
        onClick={() => {
          let n = entries.length + 1;
          while (`var${n}` in value) n++;
          onChange({ ...value, [`var${n}`]: '' });
        }}
      >
        <PlusIcon className="size-3.5" /> Add variable
      </SmallButton>
    </div>
  );
}

function JsonBox({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange(v: unknown): void;
}) {
  return (
    <textarea
      id={id}
      defaultValue={value === undefined ? '' : JSON.stringify(value, null, 2)}
      rows={4}
      onBlur={(e) => {
        try {
          onChange(e.target.value.trim() === '' ? undefined : JSON.parse(e.target.value));
        } catch {
          /* keep the text; the compile check reports the field */
        }
      }}
      className={`${inputClass} font-mono text-[12px]`}
    />
  );
}
