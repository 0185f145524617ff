'use client';

// Small form controls for the inspector, styled alike. Inputs keep their own text while
// focused so a half-typed number ("1.", "") is not thrown away.
import { useEffect, useState, type ReactNode } from 'react';

/** Input styling without a width (for inputs sized by their row). */
export const inputBase =
  'block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs outline-none transition placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-400 aria-invalid:focus:ring-red-500/20';

export const inputClass = `${inputBase} w-full`;

/** A labelled field with its hint and error; `data-field` is the config key. */
export function Field({
  field,
  label,
  required,
  hint,
  error,
  htmlFor,
  children,
  aside,
}: {
  field: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  htmlFor?: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <div data-testid="field" data-field={field} className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={htmlFor} className="text-xs font-medium text-slate-700">
          {label}
          {required && <span className="ml-0.5 text-red-500">*</span>}
        </label>
        {aside}
      </div>
      {children}
      {error ? (
        <p data-testid="field-error" className="text-[11px] text-red-600">
          {error}
        </p>
      ) : (
        hint && <p className="text-[11px] leading-snug text-slate-500">{hint}</p>
      )}
    </div>
  );
}

export function TextInput({
  id,
  value,
  onChange,
  placeholder,
  list,
  invalid,
  mono,
  ariaLabel,
  type = 'text',
}: {
  id?: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  list?: string;
  invalid?: boolean;
  mono?: boolean;
  ariaLabel?: string;
  type?: 'text' | 'time';
}) {
  return (
    <input
      id={id}
      type={type}
      value={value}
      list={list}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      className={`${inputClass} ${mono ? 'font-mono text-[13px]' : ''}`}
    />
  );
}

/** A number box that reports numbers only (empty reports `undefined`). */
export function NumberInput({
  id,
  value,
  onChange,
  min,
  max,
  step,
  invalid,
  ariaLabel,
  className = '',
}: {
  id?: string;
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
  invalid?: boolean;
  ariaLabel?: string;
  className?: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(value === undefined ? '' : String(value));
  }, [value, focused]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      value={text}
      min={min}
      max={max}
      step={step ?? 'any'}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        const n = e.target.value === '' ? undefined : Number(e.target.value);
        if (n === undefined || Number.isFinite(n)) onChange(n);
      }}
      className={`${inputBase} tabular-nums ${className || 'w-full'}`}
    />
  );
}

export function Select({
  id,
  value,
  options,
  onChange,
  ariaLabel,
  className = '',
}: {
  id?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  ariaLabel?: string;
  className?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      aria-label={ariaLabel}
      onChange={(e) => onChange(e.target.value)}
      className={`${inputBase} pr-7 ${className || 'w-full'}`}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Two or three choices side by side (a radio group). */
export function Segmented({
  name,
  value,
  options,
  onChange,
  ariaLabel,
  testId,
}: {
  /** The radio group's name: unique on the page. */
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  ariaLabel: string;
  testId?: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={ariaLabel}
      data-testid={testId}
      className="flex rounded-lg bg-slate-100 p-0.5"
    >
      {options.map((o) => {
        const active = o.value === value;
        return (
          <label
            key={o.value}
            data-option={o.value}
            className={`flex-1 cursor-pointer rounded-md px-2 py-1 text-center text-xs font-medium transition has-focus-visible:ring-2 has-focus-visible:ring-indigo-500/40 ${
              active ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-500 hover:text-slate-800'
            }`}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={active}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        );
      })}
    </div>
  );
}

export function Toggle({
  id,
  checked,
  onChange,
  label,
}: {
  id?: string;
  checked: boolean;
  onChange(value: boolean): void;
  label: ReactNode;
}) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-start gap-2.5">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="peer sr-only"
      />
      <span
        aria-hidden
        className="relative mt-0.5 inline-flex h-4.5 w-8 shrink-0 rounded-full bg-slate-300 transition peer-checked:bg-indigo-600 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500/40 after:absolute after:top-0.5 after:left-0.5 after:size-3.5 after:rounded-full after:bg-white after:shadow after:transition peer-checked:after:translate-x-3.5"
      />
      <span className="text-xs leading-snug text-slate-600">{label}</span>
    </label>
  );
}

/** Suggestions for a text box (native <datalist>: keyboard-friendly, free text still allowed). */
export function Suggestions({
  id,
  values,
}: {
  id: string;
  values: { value: string; label?: string }[];
}) {
  return (
    <datalist id={id}>
      {values.map((v) => (
        <option key={v.value} value={v.value}>
          {v.label}
        </option>
      ))}
    </datalist>
  );
}

export function SmallButton({
  children,
  onClick,
  tone = 'default',
  ariaLabel,
  testId,
  disabled,
}: {
  children: ReactNode;
  onClick(): void;
  tone?: 'default' | 'danger' | 'ghost';
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const tones = {
    default: 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
    danger: 'text-slate-400 hover:bg-red-50 hover:text-red-600',
    ghost: 'text-indigo-600 hover:bg-indigo-50',
  };
  return (
    <button
      type="button"
      aria-label={ariaLabel}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium transition disabled:opacity-50 ${tones[tone]}`}
    >
      {children}
    </button>
  );
}
