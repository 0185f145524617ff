'use client';

// The event type picker: free text with the events Yatra knows as suggestions, and a hint of the
// properties the chosen event carries. Used by the inspector and the Simulate panel.
import { eventHint, EVENT_HINTS } from '../../../lib/editor/suggestions';
import { Suggestions, TextInput } from './controls';

const EVENT_SUGGESTIONS = EVENT_HINTS.map((e) => ({ value: e.type, label: e.description }));

export function EventPicker({
  id,
  value,
  onChange,
  invalid,
  ariaLabel,
  placeholder = 'order.delivered',
}: {
  /** The input's id; the suggestion list is `${id}-list`. */
  id: string;
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  ariaLabel?: string;
  placeholder?: string;
}) {
  return (
    <>
      <TextInput
        id={id}
        value={value}
        list={`${id}-list`}
        mono
        invalid={invalid}
        ariaLabel={ariaLabel}
        placeholder={placeholder}
        onChange={onChange}
      />
      <Suggestions id={`${id}-list`} values={EVENT_SUGGESTIONS} />
    </>
  );
}

/** "A customer placed an order. Properties: orderId, total …", or `fallback` for unknown events. */
export function EventHintText({ type, fallback }: { type: string; fallback: string }) {
  const hint = eventHint(type);
  if (!hint) return <>{fallback}</>;
  return (
    <span data-testid="event-hint">
      {hint.description}. Properties:{' '}
      {hint.properties.map((p, i) => (
        <span key={p}>
          {i > 0 && ', '}
          <code className="rounded bg-slate-100 px-1 font-mono text-[10px]">{p}</code>
        </span>
      ))}
    </span>
  );
}
