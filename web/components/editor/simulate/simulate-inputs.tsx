'use client';

// The Simulate panel's inputs: who the customer is, the event they enter with, and the events
// scripted on the days after. JSON boxes show their problems right under them.
import type { ReactNode } from 'react';
import { CUSTOMER_PRESETS } from '../../../lib/editor/simulation-presets';
import type { ScriptRow } from '../../../lib/editor/simulation-form';
import { inputBase, inputClass, NumberInput, Select, SmallButton } from '../inspector/controls';
import { EventHintText, EventPicker } from '../inspector/event-picker';
import { PlusIcon, XIcon } from '../../icons';

export const CUSTOM_PRESET = 'custom';

/** Problems of one box, announced with it (aria-describedby points here). */
export function Problems({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul id={id} data-testid="simulate-field-error" className="space-y-0.5 text-[11px] text-red-600">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section data-testid={testId} className="space-y-2">
      <h3 className="text-[10.5px] font-semibold tracking-wider text-slate-400 uppercase">
        {title}
      </h3>
      {children}
    </section>
  );
}

function JsonBox({
  id,
  label,
  value,
  onChange,
  problems,
  rows,
  open,
  onToggle,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  onChange(text: string): void;
  problems: string[] | undefined;
  rows: number;
  open: boolean;
  onToggle(open: boolean): void;
  testId: string;
}) {
  const invalid = !!problems?.length;
  return (
    <details
      open={open || invalid}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      className="group rounded-md"
    >
      <summary className="cursor-pointer rounded text-xs font-medium text-indigo-600 select-none hover:text-indigo-500">
        {label}
      </summary>
      <textarea
        id={id}
        data-testid={testId}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problems` : undefined}
        value={value}
        rows={rows}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass} mt-1.5 font-mono text-[11.5px] leading-snug`}
      />
      <Problems id={`${id}-problems`} messages={problems} />
    </details>
  );
}

export function CustomerSection(props: {
  preset: string;
  onPreset(id: string): void;
  text: string;
  onText(text: string): void;
  summary: string;
  problems: string[] | undefined;
  open: boolean;
  onToggle(open: boolean): void;
}) {
  return (
    <Section title="Sample customer" testId="simulate-customer">
      <Select
        id="sim-customer-preset"
        ariaLabel="Sample customer"
        value={props.preset}
        options={[
          ...CUSTOMER_PRESETS.map((p) => ({ value: p.id, label: p.label })),
          { value: CUSTOM_PRESET, label: 'Custom (edited JSON)' },
        ]}
        onChange={props.onPreset}
      />
      <p data-testid="simulate-customer-summary" className="text-[11px] text-slate-500">
        {props.summary}
      </p>
      <JsonBox
        id="sim-customer-json"
        testId="simulate-customer-json"
        label="Edit the customer as JSON"
        value={props.text}
        onChange={props.onText}
        problems={props.problems}
        rows={9}
        open={props.open}
        onToggle={props.onToggle}
      />
    </Section>
  );
}

export function EntrySection(props: {
  type: string;
  onType(type: string): void;
  enterAt: string;
  onEnterAt(value: string): void;
  timeZone: string;
  propertiesText: string;
  onProperties(text: string): void;
  problems: string[] | undefined;
  open: boolean;
  onToggle(open: boolean): void;
}) {
  return (
    <Section title="Enters with" testId="simulate-entry">
      <div className="space-y-1">
        <label htmlFor="sim-entry-type" className="text-xs font-medium text-slate-700">
          Entry event
        </label>
        <EventPicker
          id="sim-entry-type"
          value={props.type}
          onChange={props.onType}
          placeholder="order.placed"
        />
        <p className="text-[11px] leading-snug text-slate-500">
          <EventHintText type={props.type} fallback="The event that starts the journey." />
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="sim-enter-at" className="text-xs font-medium text-slate-700">
          At (customer’s time, {props.timeZone})
        </label>
        <input
          id="sim-enter-at"
          data-testid="simulate-enter-at"
          type="datetime-local"
          value={props.enterAt}
          onChange={(e) => props.onEnterAt(e.target.value)}
          className={inputClass}
        />
      </div>
      <JsonBox
        id="sim-entry-properties"
        testId="simulate-entry-properties"
        label="Event properties (JSON)"
        value={props.propertiesText}
        onChange={props.onProperties}
        problems={props.problems}
        rows={6}
        open={props.open}
        onToggle={props.onToggle}
      />
    </Section>
  );
}

export function ScriptSection({
  rows,
  problems,
  onChange,
  onAdd,
  onRemove,
}: {
  rows: ScriptRow[];
  problems: ReadonlyMap<string, string[]>;
  onChange(key: number, patch: Partial<ScriptRow>): void;
  onAdd(): void;
  onRemove(key: number): void;
}) {
  return (
    <Section title="Then, on the days after" testId="simulate-script">
      {rows.length === 0 && (
        <p className="text-[11px] text-slate-500">
          No events: the customer just waits (timeouts fire, the window closes).
        </p>
      )}
      <ol className="space-y-2">
        {rows.map((row, i) => {
          const rowProblems = problems.get(`events.${i}`);
          const n = i + 1;
          return (
            <li
              key={row.key}
              data-testid="sim-event"
              data-index={i}
              className={`space-y-1.5 rounded-lg border p-2 ${rowProblems ? 'border-red-200 bg-red-50/40' : 'border-slate-200 bg-slate-50/60'}`}
            >
              <div className="flex items-center gap-1.5">
                <span className="text-xs text-slate-500">Day</span>
                <NumberInput
                  ariaLabel={`Event ${n}: day after entry`}
                  value={row.day}
                  min={0}
                  step={0.5}
                  className="w-16"
                  onChange={(day) => onChange(row.key, { day })}
                />
                <div className="min-w-0 flex-1">
                  <EventPicker
                    id={`sim-event-${row.key}-type`}
                    ariaLabel={`Event ${n}: type`}
                    value={row.type}
                    onChange={(type) => onChange(row.key, { type })}
                  />
                </div>
                <SmallButton
                  tone="danger"
                  ariaLabel={`Remove event ${n}`}
                  testId="sim-event-remove"
                  onClick={() => onRemove(row.key)}
                >
                  <XIcon className="size-3.5" />
                </SmallButton>
              </div>
              <input
                aria-label={`Event ${n}: properties (JSON)`}
                aria-invalid={rowProblems ? true : undefined}
                aria-describedby={rowProblems ? `sim-event-${row.key}-problems` : undefined}
                data-testid="sim-event-properties"
                value={row.propertiesText}
                spellCheck={false}
                onChange={(e) => onChange(row.key, { propertiesText: e.target.value })}
                className={`${inputBase} w-full font-mono text-[11px]`}
              />
              <Problems id={`sim-event-${row.key}-problems`} messages={rowProblems} />
            </li>
          );
        })}
      </ol>
      <SmallButton tone="ghost" testId="sim-event-add" onClick={onAdd}>
        <PlusIcon className="size-3.5" /> Add an event
      </SmallButton>
    </Section>
  );
}
