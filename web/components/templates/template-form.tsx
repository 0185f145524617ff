'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_CHANNELS,
  templateInputSchema,
} from '../../lib/api/templates/schema';
import {
  cardClass,
  Field,
  FieldError,
  ghostButtonClass,
  inputClass,
  SaveButton,
  TextField,
} from '../forms/fields';
import { useCheckedSave } from '../forms/use-checked-save';
import { CHANNEL_NAMES } from '../outbox/preview-message';
import { LanguageChip } from './badges';
import {
  emptyVariant,
  sampleValue,
  toInput,
  variableNames,
  type TemplateDraft,
  type VariantDraft,
} from './template-draft';
import { TemplatePreview } from './template-preview';
import { VariantEditor } from './variant-editor';

/** `variables.2` (one name of the typed list) is shown under the variables field. */
const fieldPath = (path: string) => (path.startsWith('variables.') ? 'variables' : path);

/**
 * The template editor: its identity, the variables in parameter order, one variant per language,
 * and a live preview with sample values. Checked as you type with the API's own schema; Save
 * POSTs a new template or PUTs the changed one, and 400 issues land under the same fields.
 */
export function TemplateForm({ initial, isNew }: { initial: TemplateDraft; isNew: boolean }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [selected, setSelected] = useState(0);
  const [newLanguage, setNewLanguage] = useState('');
  const [samples, setSamples] = useState<Record<string, string>>({});

  const parsed = useMemo(() => templateInputSchema.safeParse(toInput(draft)), [draft]);
  const { issues, status, serverError, edited, refuse, onSubmit } = useCheckedSave(parsed, {
    url: isNew ? '/api/templates' : `/api/templates/${encodeURIComponent(initial.id)}`,
    method: isNew ? 'POST' : 'PUT',
    fieldPath,
    onSaved: (saved) => {
      if (isNew) router.push(`/templates/${encodeURIComponent(saved.id)}`);
    },
  });
  const variables = variableNames(draft);
  const sampleValues = Object.fromEntries(variables.map((v) => [v, samples[v] ?? sampleValue(v)]));
  const variant = draft.variants[selected];

  const update = (change: (d: TemplateDraft) => TemplateDraft) => {
    setDraft(change);
    edited();
  };
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    update((d) => ({
      ...d,
      variants: d.variants.map((v, k) => (k === i ? { ...v, ...patch } : v)),
    }));

  function addLanguage() {
    const language = newLanguage.trim();
    if (!language) return;
    update((d) => ({ ...d, variants: [...d.variants, emptyVariant(language)] }));
    setSelected(draft.variants.length);
    setNewLanguage('');
  }

  async function remove() {
    if (!window.confirm(`Delete template ${initial.id}? Drafts naming it will go out unchecked.`))
      return;
    const res = await fetch(`/api/templates/${encodeURIComponent(initial.id)}`, {
      method: 'DELETE',
    });
    if (res.ok) {
      router.push('/templates');
      router.refresh();
      return;
    }
    // 409 says which live journeys still send it; show the server's sentence as it is.
    const body: unknown = await res.json().catch(() => null);
    const reason =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
        ? body.error
        : `Delete failed (${res.status}).`;
    refuse(reason);
  }

  return (
    <form
      data-testid="template-form"
      data-valid={parsed.success}
      onSubmit={onSubmit}
      className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
    >
      <div className="space-y-6">
        <section className={cardClass}>
          <h2 className="mb-4 text-base font-semibold">Template</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Id"
              hint="What send steps refer to; fixed once created."
              issues={issues}
              path="id"
              testId="template-id"
              value={draft.id}
              className="font-mono"
              disabled={!isNew}
              onChange={(id) => update((d) => ({ ...d, id }))}
            />
            <TextField
              label="Name"
              issues={issues}
              path="name"
              testId="template-name"
              value={draft.name}
              onChange={(name) => update((d) => ({ ...d, name }))}
            />
            <Field label="Channel" issues={issues} path="channel">
              <select
                data-testid="template-channel"
                className={inputClass}
                value={draft.channel}
                onChange={(e) =>
                  update((d) => ({
                    ...d,
                    channel: TEMPLATE_CHANNELS.find((c) => c === e.target.value) ?? d.channel,
                  }))
                }
              >
                {TEMPLATE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_NAMES[c]}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label="Category"
              hint="Marketing costs about 8× utility on WhatsApp, and needs marketing consent."
              issues={issues}
              path="category"
            >
              <select
                data-testid="template-category"
                className={inputClass}
                value={draft.category}
                onChange={(e) =>
                  update((d) => ({
                    ...d,
                    category: TEMPLATE_CATEGORIES.find((c) => c === e.target.value) ?? d.category,
                  }))
                }
              >
                {TEMPLATE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </Field>
            <TextField
              label="Default language"
              hint="Customers whose language has no approved variant get this one."
              issues={issues}
              path="defaultLanguage"
              testId="template-default-language"
              value={draft.defaultLanguage}
              onChange={(defaultLanguage) => update((d) => ({ ...d, defaultLanguage }))}
            />
            <TextField
              label="Variables"
              hint="In WhatsApp parameter order: the first is {{1}}."
              issues={issues}
              path="variables"
              testId="template-variables"
              value={draft.variables}
              className="font-mono"
              onChange={(variables) => update((d) => ({ ...d, variables }))}
            />
          </div>
        </section>

        <section className={cardClass}>
          <div className="mb-4 flex flex-wrap items-center gap-2">
            <h2 className="mr-2 text-base font-semibold">Languages</h2>
            {draft.variants.map((v, i) => (
              <button
                key={i}
                type="button"
                data-testid="variant-tab"
                data-language={v.language}
                aria-pressed={i === selected}
                onClick={() => setSelected(i)}
                className={`rounded-full p-0.5 ${i === selected ? 'ring-2 ring-indigo-500' : ''}`}
              >
                <LanguageChip
                  language={v.language || '?'}
                  status={v.status}
                  isDefault={v.language === draft.defaultLanguage}
                />
              </button>
            ))}
            <span className="ml-auto flex items-center gap-1.5">
              <input
                data-testid="new-language"
                aria-label="New language tag"
                placeholder="ta"
                className={`${inputClass} w-20 py-1`}
                value={newLanguage}
                onChange={(e) => setNewLanguage(e.target.value)}
              />
              <button
                type="button"
                data-testid="add-language"
                className={ghostButtonClass}
                onClick={addLanguage}
              >
                Add language
              </button>
            </span>
          </div>
          <FieldError issues={issues} path="variants" />
          {variant && (
            <>
              <VariantEditor
                channel={draft.channel}
                variant={variant}
                index={selected}
                issues={issues}
                onChange={(patch) => setVariant(selected, patch)}
              />
              {draft.variants.length > 1 && (
                <button
                  type="button"
                  data-testid="remove-language"
                  className={`${ghostButtonClass} mt-4 text-rose-700`}
                  onClick={() => {
                    update((d) => ({
                      ...d,
                      variants: d.variants.filter((_, k) => k !== selected),
                    }));
                    setSelected(0);
                  }}
                >
                  Remove {variant.language}
                </button>
              )}
            </>
          )}
        </section>

        <div className="flex items-center gap-3">
          <SaveButton testId="template-save" ready={parsed.success} saving={status === 'saving'}>
            {isNew ? 'Create template' : 'Save template'}
          </SaveButton>
          {!isNew && (
            <button
              type="button"
              data-testid="template-delete"
              className={`${ghostButtonClass} text-rose-700`}
              onClick={() => void remove()}
            >
              Delete
            </button>
          )}
          <span
            data-testid="template-status"
            data-status={status}
            className="text-sm text-slate-500"
          >
            {status === 'saved' && 'Saved.'}
            {!parsed.success &&
              `${issues.size} problem${issues.size === 1 ? '' : 's'} to fix before saving.`}
            {serverError && <span className="text-rose-600">{serverError}</span>}
          </span>
        </div>
      </div>

      <aside className="lg:sticky lg:top-20">
        <h2 className="mb-3 text-sm font-semibold text-slate-700">
          Preview{variant ? ` · ${variant.language}` : ''}
        </h2>
        <TemplatePreview
          draft={draft}
          variant={variant}
          variables={variables}
          samples={sampleValues}
          onSample={(name, value) => setSamples((s) => ({ ...s, [name]: value }))}
        />
      </aside>
    </form>
  );
}
