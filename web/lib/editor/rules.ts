// Text ↔ value of a condition rule's value box: "cod" stays a string, "50000" becomes a number
// for comparisons, "en, hi" becomes a list for `in` / `not_in`.
import { LIST_OPERATORS, UNARY_OPERATORS } from './suggestions';

type Scalar = string | number | boolean;
export type RuleValue = Scalar | Scalar[] | undefined;

const COMPARISONS = new Set(['gt', 'gte', 'lt', 'lte']);

function scalar(text: string, numeric: boolean): Scalar {
  const t = text.trim();
  if (numeric && t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}

/** @example parseRuleValue('in', 'en, hi') // ['en', 'hi'] */
export function parseRuleValue(op: string, text: string): RuleValue {
  if (UNARY_OPERATORS.has(op)) return undefined;
  if (LIST_OPERATORS.has(op))
    return text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => scalar(s, true));
  return scalar(text, COMPARISONS.has(op));
}

/** @example formatRuleValue(['en', 'hi']) // 'en, hi' */
export function formatRuleValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (value === undefined || value === null) return '';
  return String(value);
}
