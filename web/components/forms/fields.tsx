// Small form pieces the registry and settings forms share: a labelled field with its zod
// message underneath, keyed by the issue path the API answers (`variants.0.body`).
import type { ReactNode } from 'react';

export type Issues = ReadonlyMap<string, string>;

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none aria-[invalid=true]:border-rose-400 disabled:bg-slate-50 disabled:text-slate-500';
export const cardClass = 'rounded-xl border border-slate-200 bg-white p-5 shadow-sm';
export const ghostButtonClass =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50';
export const primaryButtonClass =
  'rounded-md bg-indigo-600 px-3.5 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-not-allowed disabled:bg-slate-200 disabled:text-slate-500';

/** Issues by dotted path; the first message per field wins. */
export function issueMap(issues: ReadonlyArray<{ path: string; message: string }>): Issues {
  const map = new Map<string, string>();
  for (const i of issues) if (!map.has(i.path)) map.set(i.path, i.message);
  return map;
}

/** zod issues as `{ path: 'a.0.b', message }`. */
export function zodIssues(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function FieldError({ issues, path }: { issues: Issues; path: string }) {
  const message = issues.get(path);
  if (!message) return null;
  return (
    <p data-testid="field-error" data-path={path} className="mt-1 text-xs text-rose-600">
      {message}
    </p>
  );
}

export function Field({
  label,
  hint,
  issues,
  path,
  children,
}: {
  label: string;
  hint?: ReactNode;
  issues: Issues;
  path: string;
  children: ReactNode;
}) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      {children}
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
      <FieldError issues={issues} path={path} />
    </label>
  );
}

/** A labelled one-line box whose value is the string typed; marked invalid when `path` has an issue. */
export function TextField({
  label,
  hint,
  issues,
  path,
  testId,
  value,
  onChange,
  className = '',
  disabled,
  inputMode,
  type,
  step,
}: {
  label: string;
  hint?: ReactNode;
  issues: Issues;
  path: string;
  testId: string;
  value: string;
  onChange(value: string): void;
  className?: string;
  disabled?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  /** `number` keeps the value a string as typed; the form's schema decides what is a number. */
  type?: 'text' | 'number';
  step?: string;
}) {
  return (
    <Field label={label} hint={hint} issues={issues} path={path}>
      <input
        data-testid={testId}
        type={type}
        step={step}
        className={`${inputClass} ${className}`}
        value={value}
        disabled={disabled}
        inputMode={inputMode}
        aria-invalid={issues.has(path)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A form's submit button: off while the draft does not pass its check or a save is on its way. */
export function SaveButton({
  testId,
  ready,
  saving,
  children,
}: {
  testId: string;
  ready: boolean;
  saving: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      data-testid={testId}
      disabled={!ready || saving}
      className={primaryButtonClass}
    >
      {saving ? 'Saving…' : children}
    </button>
  );
}
