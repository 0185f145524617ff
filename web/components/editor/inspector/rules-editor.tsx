'use client';

// The condition builder: rows of field / operator / value, with suggestions for fields and for
// values of well-known fields (payment method, language, order status).
import { formatRuleValue, parseRuleValue } from '../../../lib/editor/rules';
import {
  fieldSuggestions,
  OPERATOR_LABELS,
  UNARY_OPERATORS,
  valueSuggestions,
  type RuleContext,
} from '../../../lib/editor/suggestions';
import { PlusIcon, XIcon } from '../../icons';
import { inputBase, SmallButton, Suggestions } from './controls';
import type { FieldError } from './config-form';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const STARTERS: Record<RuleContext, Obj> = {
  condition: { field: 'order.paymentMethod', op: 'eq', value: 'cod' },
  trigger: { field: 'trigger.properties.paymentMethod', op: 'eq', value: 'cod' },
  event: { field: 'event.properties.score', op: 'gte', value: 4 },
};

export function RulesEditor({
  idPrefix,
  rules,
  operators,
  minItems,
  context,
  errors,
  onChange,
}: {
  /** Makes element ids unique on the page. */
  idPrefix: string;
  rules: unknown[];
  operators: string[];
  minItems: number;
  context: RuleContext;
  errors: FieldError[];
  onChange(rules: unknown[]): void;
}) {
  const fieldsList = `${idPrefix}-fields`;
  const setRule = (i: number, rule: Obj) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const rowError = (i: number) =>
    errors.find((e) => e.path === String(i) || e.path.startsWith(`${i}.`))?.message;
  const listError = errors.find((e) => e.path === '')?.message;
  return (
    <div data-testid="rules" className="space-y-2">
      <Suggestions id={fieldsList} values={fieldSuggestions(context).map((v) => ({ value: v }))} />
      {rules.length === 0 && (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-xs text-slate-500">
          {minItems > 0
            ? 'Add a rule to decide who goes “yes”.'
            : 'No filters: every event counts.'}
        </p>
      )}
      {rules.map((raw, i) => {
        const rule = isObj(raw) ? raw : {};
        const op = typeof rule.op === 'string' ? rule.op : 'eq';
        const field = typeof rule.field === 'string' ? rule.field : '';
        const error = rowError(i);
        return (
          <RuleRow
            key={i}
            index={i}
            field={field}
            op={op}
            value={rule.value}
            operators={operators}
            fieldsList={fieldsList}
            error={error}
            onChange={(next) => setRule(i, next)}
            onRemove={() => onChange(rules.filter((_, j) => j !== i))}
          />
        );
      })}
      {listError && <p className="text-[11px] text-red-600">{listError}</p>}
      <SmallButton
        tone="ghost"
        testId="add-rule"
        onClick={() => onChange([...rules, { ...STARTERS[context] }])}
      >
        <PlusIcon className="size-3.5" /> Add rule
      </SmallButton>
    </div>
  );
}

function RuleRow({
  index,
  field,
  op,
  value,
  operators,
  fieldsList,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  field: string;
  op: string;
  value: unknown;
  operators: string[];
  fieldsList: string;
  error: string | undefined;
  onChange(rule: Obj): void;
  onRemove(): void;
}) {
  const valuesList = `${fieldsList}-${index}-values`;
  const unary = UNARY_OPERATORS.has(op);
  const build = (f: string, o: string, v: unknown): Obj => {
    const rule: Obj = { field: f, op: o };
    if (!UNARY_OPERATORS.has(o) && v !== undefined) rule.value = v;
    return rule;
  };
  return (
    <div
      data-testid="rule"
      data-index={index}
      className={`rounded-lg border bg-slate-50/60 p-2 ${error ? 'border-red-300' : 'border-slate-200'}`}
    >
      <div className="flex items-center gap-1.5">
        <input
          aria-label={`Rule ${index + 1}: field`}
          data-part="field"
          value={field}
          list={fieldsList}
          placeholder="order.paymentMethod"
          spellCheck={false}
          onChange={(e) => onChange(build(e.target.value, op, value))}
          className={`${inputBase} min-w-0 flex-1 font-mono text-[12px]`}
        />
        <SmallButton tone="danger" ariaLabel={`Remove rule ${index + 1}`} onClick={onRemove}>
          <XIcon className="size-3.5" />
        </SmallButton>
      </div>
      <div className="mt-1.5 flex items-center gap-1.5">
        <select
          aria-label={`Rule ${index + 1}: operator`}
          data-part="op"
          value={op}
          onChange={(e) =>
            onChange(
              build(field, e.target.value, parseRuleValue(e.target.value, formatRuleValue(value))),
            )
          }
          className={`${inputBase} w-28 shrink-0 pr-6`}
        >
          {operators.map((o) => (
            <option key={o} value={o}>
              {OPERATOR_LABELS[o] ?? o}
            </option>
          ))}
        </select>
        {!unary && (
          <>
            <input
              aria-label={`Rule ${index + 1}: value`}
              data-part="value"
              value={formatRuleValue(value)}
              list={valuesList}
              placeholder={op === 'in' || op === 'not_in' ? 'a, b, c' : 'value'}
              spellCheck={false}
              onChange={(e) => onChange(build(field, op, parseRuleValue(op, e.target.value)))}
              className={`${inputBase} min-w-0 flex-1 font-mono text-[12px]`}
            />
            <Suggestions
              id={valuesList}
              values={valueSuggestions(field).map((v) => ({ value: v }))}
            />
          </>
        )}
      </div>
      {error && <p className="mt-1 text-[11px] text-red-600">{error}</p>}
    </div>
  );
}
