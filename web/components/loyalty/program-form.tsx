'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, type ReactNode } from 'react';
import {
  PERK_KINDS,
  TIER_METRICS,
  programConfigSchema,
  type ProgramConfigInput,
} from '@yatra/nodes/loyalty/program-config';
import {
  configToDraft,
  draftToConfig,
  newOption,
  nextTier,
  type OptionDraft,
  type ProgramDraft,
  type TierDraft,
} from './program-draft';

type Issues = Map<string, string>;

const input =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none aria-[invalid=true]:border-rose-400';
const card = 'rounded-xl border border-slate-200 bg-white p-5 shadow-sm';
const ghostButton =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50';

/** The zod message under a field, keyed by the issue path (`tiers.2.threshold`). */
function FieldError({ issues, path }: { issues: Issues; path: string }) {
  const message = issues.get(path);
  if (!message) return null;
  return (
    <p data-testid="field-error" data-path={path} className="mt-1 text-xs text-rose-600">
      {message}
    </p>
  );
}

function Field({
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

/** Issues by dotted path; the first message per field wins. */
function issueMap(issues: Array<{ path: string; message: string }>): Issues {
  const map: Issues = new Map();
  for (const i of issues) if (!map.has(i.path)) map.set(i.path, i.message);
  return map;
}

/**
 * The programme settings form: earn rate and event, expiry, point value, the tier ladder and the
 * redemption options. Validated as you type with the same zod contract the API uses (errors under
 * each field); Save PUTs it to /api/loyalty/program, whose 400 issues land under the same fields.
 */
export function ProgramForm({ initial, isNew }: { initial: ProgramConfigInput; isNew: boolean }) {
  const router = useRouter();
  const [draft, setDraft] = useState<ProgramDraft>(() => configToDraft(initial));
  const [serverIssues, setServerIssues] = useState<Issues>(new Map());
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  const parsed = useMemo(() => programConfigSchema.safeParse(draftToConfig(draft)), [draft]);
  const issues = useMemo(() => {
    const local = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return issueMap([...local, ...[...serverIssues].map(([path, message]) => ({ path, message }))]);
  }, [parsed, serverIssues]);

  const update = (change: (d: ProgramDraft) => ProgramDraft) => {
    setDraft((d) => change(d));
    setServerIssues(new Map());
    setStatus('idle');
  };
  const setTier = (i: number, patch: Partial<TierDraft>) =>
    update((d) => ({ ...d, tiers: d.tiers.map((t, k) => (k === i ? { ...t, ...patch } : t)) }));
  const setOption = (i: number, patch: Partial<OptionDraft>) =>
    update((d) => ({
      ...d,
      redemptionOptions: d.redemptionOptions.map((o, k) => (k === i ? { ...o, ...patch } : o)),
    }));

  async function save() {
    if (!parsed.success) return;
    setStatus('saving');
    const res = await fetch('/api/loyalty/program', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(parsed.data),
    });
    if (res.ok) {
      setStatus('saved');
      router.refresh();
      return;
    }
    const body = (await res.json().catch(() => ({}))) as {
      issues?: Array<{ path: string; message: string }>;
    };
    setServerIssues(issueMap(body.issues ?? []));
    setStatus('failed');
  }

  const pointValue = Number(draft.pointValuePaise);
  const problems = issues.size;

  return (
    <form
      data-testid="program-form"
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <section className={card}>
        <h2 className="mb-4 text-base font-semibold">Earning and expiry</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Programme name" issues={issues} path="name">
            <input
              data-testid="program-name"
              className={input}
              value={draft.name}
              aria-invalid={issues.has('name')}
              onChange={(e) => update((d) => ({ ...d, name: e.target.value }))}
            />
          </Field>
          <Field
            label="Earn rate (points per ₹100)"
            hint="10 = one point for every ₹10 spent"
            issues={issues}
            path="pointsPer100Rupees"
          >
            <input
              data-testid="earn-rate"
              type="number"
              className={input}
              value={draft.pointsPer100Rupees}
              aria-invalid={issues.has('pointsPer100Rupees')}
              onChange={(e) => update((d) => ({ ...d, pointsPer100Rupees: e.target.value }))}
            />
          </Field>
          <Field
            label="Orders earn when"
            hint="COD orders should earn only once delivered"
            issues={issues}
            path="earnOnEvent"
          >
            <select
              data-testid="earn-event"
              className={input}
              value={draft.earnOnEvent}
              onChange={(e) =>
                update((d) => ({
                  ...d,
                  earnOnEvent:
                    e.target.value === 'order.placed' ? 'order.placed' : 'order.delivered',
                }))
              }
            >
              <option value="order.delivered">delivered (order.delivered)</option>
              <option value="order.placed">placed (order.placed)</option>
            </select>
          </Field>
          <Field
            label="Points expire after (days)"
            hint="Rolling: each earn has its own expiry"
            issues={issues}
            path="expiryDays"
          >
            <input
              data-testid="expiry-days"
              type="number"
              className={input}
              value={draft.expiryDays}
              aria-invalid={issues.has('expiryDays')}
              onChange={(e) => update((d) => ({ ...d, expiryDays: e.target.value }))}
            />
          </Field>
          <Field
            label="Value of a point (paise)"
            hint={
              Number.isFinite(pointValue) && pointValue > 0
                ? `500 points = ₹${((500 * pointValue) / 100).toLocaleString('en-IN')}`
                : 'what a point is worth at redemption'
            }
            issues={issues}
            path="pointValuePaise"
          >
            <input
              data-testid="point-value"
              type="number"
              className={input}
              value={draft.pointValuePaise}
              aria-invalid={issues.has('pointValuePaise')}
              onChange={(e) => update((d) => ({ ...d, pointValuePaise: e.target.value }))}
            />
          </Field>
        </div>
      </section>

      <section className={card}>
        <div className="mb-4 flex items-center justify-between">
          <div>
            <h2 className="text-base font-semibold">Tier ladder</h2>
            <p className="text-xs text-slate-500">
              Lowest first; the first tier starts at 0. Thresholds are whole ₹ for spend, a count
              for orders and visits, over a rolling 12 months.
            </p>
          </div>
          <button
            type="button"
            data-testid="add-tier"
            className={ghostButton}
            onClick={() => update((d) => ({ ...d, tiers: [...d.tiers, nextTier(d.tiers)] }))}
          >
            + Add tier
          </button>
        </div>
        <FieldError issues={issues} path="tiers" />
        <div className="space-y-3">
          {draft.tiers.map((tier, i) => (
            <div
              key={i}
              data-testid="tier-row"
              data-index={i}
              className="rounded-lg border border-slate-200 bg-slate-50/60 p-3"
            >
              <div className="grid items-start gap-3 sm:grid-cols-[1fr_8rem_8rem_7rem_auto]">
                <Field label="Name" issues={issues} path={`tiers.${i}.name`}>
                  <input
                    data-testid={`tier-name-${i}`}
                    className={input}
                    value={tier.name}
                    aria-invalid={issues.has(`tiers.${i}.name`)}
                    onChange={(e) => setTier(i, { name: e.target.value })}
                  />
                </Field>
                <Field label="Qualifies on" issues={issues} path={`tiers.${i}.metric`}>
                  <select
                    data-testid={`tier-metric-${i}`}
                    className={input}
                    value={tier.metric}
                    onChange={(e) =>
                      setTier(i, {
                        metric: TIER_METRICS.find((m) => m === e.target.value) ?? 'spend',
                      })
                    }
                  >
                    {TIER_METRICS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label="Threshold" issues={issues} path={`tiers.${i}.threshold`}>
                  <input
                    data-testid={`tier-threshold-${i}`}
                    type="number"
                    className={input}
                    value={tier.threshold}
                    aria-invalid={issues.has(`tiers.${i}.threshold`)}
                    onChange={(e) => setTier(i, { threshold: e.target.value })}
                  />
                </Field>
                <Field label="Multiplier" issues={issues} path={`tiers.${i}.multiplier`}>
                  <input
                    data-testid={`tier-multiplier-${i}`}
                    type="number"
                    step="0.1"
                    className={input}
                    value={tier.multiplier}
                    aria-invalid={issues.has(`tiers.${i}.multiplier`)}
                    onChange={(e) => setTier(i, { multiplier: e.target.value })}
                  />
                </Field>
                <button
                  type="button"
                  data-testid={`remove-tier-${i}`}
                  className={`${ghostButton} mt-6`}
                  disabled={draft.tiers.length === 1}
                  onClick={() =>
                    update((d) => ({ ...d, tiers: d.tiers.filter((_, k) => k !== i) }))
                  }
                >
                  Remove
                </button>
              </div>
              <div className="mt-2 space-y-2">
                {tier.perks.map((perk, p) => (
                  <div key={p} data-testid="perk-row" className="flex items-start gap-2">
                    <select
                      aria-label="Perk kind"
                      className={`${input} max-w-44`}
                      value={perk.kind}
                      onChange={(e) =>
                        setTier(i, {
                          perks: tier.perks.map((x, k) =>
                            k === p
                              ? {
                                  ...x,
                                  kind: PERK_KINDS.find((v) => v === e.target.value) ?? 'custom',
                                }
                              : x,
                          ),
                        })
                      }
                    >
                      {PERK_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {kind.replaceAll('_', ' ')}
                        </option>
                      ))}
                    </select>
                    <div className="flex-1">
                      <input
                        aria-label="Perk description"
                        className={input}
                        value={perk.description}
                        aria-invalid={issues.has(`tiers.${i}.perks.${p}.description`)}
                        onChange={(e) =>
                          setTier(i, {
                            perks: tier.perks.map((x, k) =>
                              k === p ? { ...x, description: e.target.value } : x,
                            ),
                          })
                        }
                      />
                      <FieldError issues={issues} path={`tiers.${i}.perks.${p}.description`} />
                    </div>
                    <button
                      type="button"
                      className={ghostButton}
                      onClick={() => setTier(i, { perks: tier.perks.filter((_, k) => k !== p) })}
                    >
                      ×
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  data-testid={`add-perk-${i}`}
                  className="text-xs font-medium text-indigo-600 hover:underline"
                  onClick={() =>
                    setTier(i, {
                      perks: [...tier.perks, { kind: 'free_shipping', description: '' }],
                    })
                  }
                >
                  + perk
                </button>
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className={card}>
        <div className="mb-4 flex items-center justify-between">
          <div>
            <h2 className="text-base font-semibold">Redemption options</h2>
            <p className="text-xs text-slate-500">
              What points buy, e.g. 500 points = ₹50 off, or 2,000 points = a free product.
            </p>
          </div>
          <button
            type="button"
            data-testid="add-option"
            className={ghostButton}
            onClick={() =>
              update((d) => ({ ...d, redemptionOptions: [...d.redemptionOptions, newOption()] }))
            }
          >
            + Add option
          </button>
        </div>
        {draft.redemptionOptions.length === 0 && (
          <p className="text-sm text-slate-500">No redemption options yet.</p>
        )}
        <div className="space-y-3">
          {draft.redemptionOptions.map((o, i) => (
            <div
              key={i}
              data-testid="option-row"
              data-index={i}
              className="grid items-start gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-[9rem_1fr_7rem_8rem_9rem_auto]"
            >
              <Field label="Id" issues={issues} path={`redemptionOptions.${i}.id`}>
                <input
                  data-testid={`option-id-${i}`}
                  className={input}
                  value={o.id}
                  aria-invalid={issues.has(`redemptionOptions.${i}.id`)}
                  onChange={(e) => setOption(i, { id: e.target.value })}
                />
              </Field>
              <Field label="Label" issues={issues} path={`redemptionOptions.${i}.label`}>
                <input
                  data-testid={`option-label-${i}`}
                  className={input}
                  value={o.label}
                  aria-invalid={issues.has(`redemptionOptions.${i}.label`)}
                  onChange={(e) => setOption(i, { label: e.target.value })}
                />
              </Field>
              <Field label="Points" issues={issues} path={`redemptionOptions.${i}.points`}>
                <input
                  data-testid={`option-points-${i}`}
                  type="number"
                  className={input}
                  value={o.points}
                  aria-invalid={issues.has(`redemptionOptions.${i}.points`)}
                  onChange={(e) => setOption(i, { points: e.target.value })}
                />
              </Field>
              <Field label="Gives" issues={issues} path={`redemptionOptions.${i}.kind`}>
                <select
                  data-testid={`option-kind-${i}`}
                  className={input}
                  value={o.kind}
                  onChange={(e) =>
                    setOption(i, { kind: e.target.value === 'product' ? 'product' : 'discount' })
                  }
                >
                  <option value="discount">₹ off</option>
                  <option value="product">a free product</option>
                </select>
              </Field>
              {o.kind === 'discount' ? (
                <Field label="₹ off" issues={issues} path={`redemptionOptions.${i}.valuePaise`}>
                  <input
                    data-testid={`option-value-${i}`}
                    type="number"
                    step="0.01"
                    className={input}
                    value={o.valueRupees}
                    aria-invalid={issues.has(`redemptionOptions.${i}.valuePaise`)}
                    onChange={(e) => setOption(i, { valueRupees: e.target.value })}
                  />
                </Field>
              ) : (
                <Field label="SKU" issues={issues} path={`redemptionOptions.${i}.productSku`}>
                  <input
                    data-testid={`option-sku-${i}`}
                    className={input}
                    value={o.productSku}
                    aria-invalid={issues.has(`redemptionOptions.${i}.productSku`)}
                    onChange={(e) => setOption(i, { productSku: e.target.value })}
                  />
                </Field>
              )}
              <button
                type="button"
                data-testid={`remove-option-${i}`}
                className={`${ghostButton} mt-6`}
                onClick={() =>
                  update((d) => ({
                    ...d,
                    redemptionOptions: d.redemptionOptions.filter((_, k) => k !== i),
                  }))
                }
              >
                Remove
              </button>
            </div>
          ))}
        </div>
      </section>

      <div className="flex items-center justify-end gap-3">
        <span data-testid="save-status" data-status={status} className="text-sm text-slate-500">
          {problems > 0
            ? `${problems} problem${problems === 1 ? '' : 's'} to fix`
            : status === 'saving'
              ? 'Saving…'
              : status === 'saved'
                ? 'Saved'
                : isNew
                  ? 'Not saved yet: this is the demo programme as a starting point'
                  : ''}
        </span>
        <button
          type="submit"
          data-testid="save-program"
          disabled={problems > 0 || status === 'saving'}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Save programme
        </button>
      </div>
    </form>
  );
}
