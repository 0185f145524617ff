'use client';

// Journey-level settings (shown when nothing is selected): name, description, the window that
// caps every wait, who may enter again, and goals that exit a customer at once.
import { updateSettings } from '../../../lib/editor/document-ops';
import { EVENT_HINTS } from '../../../lib/editor/suggestions';
import type { CompileError, JourneyDocument } from '../../../lib/editor/types';
import { operators } from '@yatra/nodes/contract/predicate-eval';
import { PlusIcon, XIcon } from '../../icons';
import {
  Field,
  inputClass,
  NumberInput,
  Segmented,
  SmallButton,
  Suggestions,
  TextInput,
} from './controls';
import { RulesEditor } from './rules-editor';

const REENTRY = [
  { value: 'once', label: 'Once', hint: 'A customer goes through this journey once, ever.' },
  { value: 'after_exit', label: 'After exit', hint: 'Again, once their previous run has ended.' },
  { value: 'always', label: 'Always', hint: 'Every matching event starts a new run.' },
] as const;

export function JourneySettings({
  doc,
  onCommit,
  errors,
}: {
  doc: JourneyDocument;
  onCommit(next: JourneyDocument, options?: { coalesce?: string }): void;
  errors: CompileError[];
}) {
  const set = (patch: Parameters<typeof updateSettings>[1], key: string) =>
    onCommit(updateSettings(doc, patch), { coalesce: `settings:${key}` });
  const docErrors = errors.filter((e) => !e.nodeId && e.code === 'document_invalid');
  const reentry = REENTRY.find((r) => r.value === doc.reentry.policy) ?? REENTRY[0];
  return (
    <div data-testid="journey-settings" className="space-y-5 p-4">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Journey settings</h2>
        <p className="mt-0.5 text-xs text-slate-500">
          Select a step on the canvas to edit it. These apply to the whole journey.
        </p>
      </div>
      <Field field="name" label="Name" required htmlFor="journey-name-input">
        <TextInput
          id="journey-name-input"
          value={doc.name}
          onChange={(name) => set({ name }, 'name')}
        />
      </Field>
      <Field field="description" label="Description" htmlFor="journey-description">
        <textarea
          id="journey-description"
          value={doc.description}
          rows={2}
          onChange={(e) => set({ description: e.target.value }, 'description')}
          className={inputClass}
        />
      </Field>
      <Field
        field="window"
        label="Window (days)"
        htmlFor="journey-window"
        hint="Every customer leaves when it closes; waits cannot outlast it."
      >
        <NumberInput
          id="journey-window"
          value={doc.window.days}
          min={1}
          max={365}
          step={1}
          onChange={(days) => days !== undefined && set({ window: { days } }, 'window')}
        />
      </Field>
      <Field field="reentry" label="Customers may enter" hint={reentry.hint}>
        <Segmented
          name="journey-reentry"
          ariaLabel="Re-entry"
          value={doc.reentry.policy}
          options={REENTRY.map((r) => ({ value: r.value, label: r.label }))}
          onChange={(v) => {
            const policy = REENTRY.find((r) => r.value === v)?.value;
            if (policy) set({ reentry: { policy } }, 'reentry');
          }}
        />
      </Field>
      <Goals doc={doc} onCommit={onCommit} />
      {docErrors.length > 0 && (
        <ul className="space-y-1 text-xs text-red-700">
          {docErrors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Goals({
  doc,
  onCommit,
}: {
  doc: JourneyDocument;
  onCommit(next: JourneyDocument, options?: { coalesce?: string }): void;
}) {
  const goals = doc.goals;
  const setGoals = (next: JourneyDocument['goals'], key: string) =>
    onCommit(updateSettings(doc, { goals: next }), { coalesce: `goals:${key}` });
  return (
    <div data-testid="field" data-field="goals" className="space-y-2">
      <div className="text-xs font-medium text-slate-700">Goals</div>
      <p className="text-[11px] leading-snug text-slate-500">
        When a goal event arrives the customer exits at once, even mid-wait, counted as converted.
      </p>
      <Suggestions
        id="goal-events"
        values={EVENT_HINTS.map((e) => ({ value: e.type, label: e.description }))}
      />
      {goals.map((goal, i) => (
        <div
          key={i}
          data-testid="goal"
          className="space-y-1.5 rounded-lg border border-slate-200 bg-slate-50/60 p-2"
        >
          <div className="flex items-center gap-1.5">
            <input
              aria-label={`Goal ${i + 1}: label`}
              value={goal.label ?? ''}
              placeholder="Second order placed"
              onChange={(e) =>
                setGoals(
                  goals.map((g, j) => (j === i ? { ...g, label: e.target.value } : g)),
                  `${i}:label`,
                )
              }
              className={`${inputClass} min-w-0 flex-1 text-[12px]`}
            />
            <SmallButton
              tone="danger"
              ariaLabel={`Remove goal ${i + 1}`}
              onClick={() =>
                setGoals(
                  goals.filter((_, j) => j !== i),
                  'remove',
                )
              }
            >
              <XIcon className="size-3.5" />
            </SmallButton>
          </div>
          <input
            aria-label={`Goal ${i + 1}: event`}
            value={goal.event}
            list="goal-events"
            spellCheck={false}
            onChange={(e) =>
              setGoals(
                goals.map((g, j) => (j === i ? { ...g, event: e.target.value } : g)),
                `${i}:event`,
              )
            }
            className={`${inputClass} font-mono text-[12px]`}
          />
          <RulesEditor
            idPrefix={`goal-${i}`}
            rules={goal.filters}
            operators={[...operators]}
            minItems={0}
            context="event"
            errors={[]}
            onChange={(filters) =>
              setGoals(
                goals.map((g, j) => (j === i ? { ...g, filters: filters.filter(isPredicate) } : g)),
                `${i}:filters`,
              )
            }
          />
        </div>
      ))}
      <SmallButton
        tone="ghost"
        testId="add-goal"
        onClick={() => {
          let n = goals.length + 1;
          while (goals.some((g) => g.id === `goal_${n}`)) n++;
          setGoals([...goals, { id: `goal_${n}`, event: 'order.placed', filters: [] }], 'add');
        }}
      >
        <PlusIcon className="size-3.5" /> Add goal
      </SmallButton>
    </div>
  );
}

type Predicate = JourneyDocument['goals'][number]['filters'][number];
const OPS = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'exists',
  'not_exists',
]);
function isPredicate(v: unknown): v is Predicate {
  if (typeof v !== 'object' || v === null) return false;
  const field: unknown = Reflect.get(v, 'field');
  const op: unknown = Reflect.get(v, 'op');
  return typeof field === 'string' && typeof op === 'string' && OPS.has(op);
}
