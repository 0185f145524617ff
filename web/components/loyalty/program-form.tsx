'use client';

import { useMemo, useState } from 'react';
import {
  PERK_KINDS,
  TIER_METRICS,
  programConfigSchema,
  type ProgramConfigInput,
} from '@yatra/nodes/loyalty/program-config';
import {
  cardClass,
  Field,
  FieldError,
  ghostButtonClass,
  inputClass,
  TextField,
} from '../forms/fields';
import { useCheckedSave } from '../forms/use-checked-save';
import {
  configToDraft,
  draftToConfig,
  newOption,
  nextTier,
  type OptionDraft,
  type ProgramDraft,
  type TierDraft,
} from './program-draft';

/**
 * The programme settings form: earn rate and event, expiry, point value, the tier ladder and the
 * redemption options. Validated as you type with the same zod contract the API uses (errors under
 * each field); Save PUTs it to /api/loyalty/program, whose 400 issues land under the same fields.
 */
export function ProgramForm({ initial, isNew }: { initial: ProgramConfigInput; isNew: boolean }) {
  const [draft, setDraft] = useState<ProgramDraft>(() => configToDraft(initial));
  const parsed = useMemo(() => programConfigSchema.safeParse(draftToConfig(draft)), [draft]);
  const { issues, status, edited, onSubmit } = useCheckedSave(parsed, {
    url: '/api/loyalty/program',
  });

  const update = (change: (d: ProgramDraft) => ProgramDraft) => {
    setDraft((d) => change(d));
    edited();
  };
  const setTier = (i: number, patch: Partial<TierDraft>) =>
    update((d) => ({ ...d, tiers: d.tiers.map((t, k) => (k === i ? { ...t, ...patch } : t)) }));
  const setOption = (i: number, patch: Partial<OptionDraft>) =>
    update((d) => ({
      ...d,
      redemptionOptions: d.redemptionOptions.map((o, k) => (k === i ? { ...o, ...patch } : o)),
    }));

  const pointValue = Number(draft.pointValuePaise);
  const problems = issues.size;

  return (
    <form data-testid="program-form" className="space-y-6" onSubmit={onSubmit}>
      <section className={cardClass}>
        <h2 className="mb-4 text-base font-semibold">Earning and expiry</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <TextField
            label="Programme name"
            issues={issues}
            path="name"
            testId="program-name"
            value={draft.name}
            onChange={(value) => update((d) => ({ ...d, name: value }))}
          />
          <TextField
            label="Earn rate (points per ₹100)"
            hint="10 = one point for every ₹10 spent"
            issues={issues}
            path="pointsPer100Rupees"
            testId="earn-rate"
            type="number"
            value={draft.pointsPer100Rupees}
            onChange={(value) => update((d) => ({ ...d, pointsPer100Rupees: value }))}
          />
          <Field
            label="Orders earn when"
            hint="COD orders should earn only once delivered"
            issues={issues}
            path="earnOnEvent"
          >
            <select
              data-testid="earn-event"
              className={inputClass}
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
          <TextField
            label="Points expire after (days)"
            hint="Rolling: each earn has its own expiry"
            issues={issues}
            path="expiryDays"
            testId="expiry-days"
            type="number"
            value={draft.expiryDays}
            onChange={(value) => update((d) => ({ ...d, expiryDays: value }))}
          />
          <TextField
            label="Value of a point (paise)"
            hint={
              Number.isFinite(pointValue) && pointValue > 0
                ? `500 points = ₹${((500 * pointValue) / 100).toLocaleString('en-IN')}`
                : 'what a point is worth at redemption'
            }
            issues={issues}
            path="pointValuePaise"
            testId="point-value"
            type="number"
            value={draft.pointValuePaise}
            onChange={(value) => update((d) => ({ ...d, pointValuePaise: value }))}
          />
        </div>
      </section>

      <section className={cardClass}>
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
            className={ghostButtonClass}
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
                <TextField
                  label="Name"
                  issues={issues}
                  path={`tiers.${i}.name`}
                  testId={`tier-name-${i}`}
                  value={tier.name}
                  onChange={(value) => setTier(i, { name: value })}
                />
                <Field label="Qualifies on" issues={issues} path={`tiers.${i}.metric`}>
                  <select
                    data-testid={`tier-metric-${i}`}
                    className={inputClass}
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
                <TextField
                  label="Threshold"
                  issues={issues}
                  path={`tiers.${i}.threshold`}
                  testId={`tier-threshold-${i}`}
                  type="number"
                  value={tier.threshold}
                  onChange={(value) => setTier(i, { threshold: value })}
                />
                <TextField
                  label="Multiplier"
                  issues={issues}
                  path={`tiers.${i}.multiplier`}
                  testId={`tier-multiplier-${i}`}
                  type="number"
                  step="0.1"
                  value={tier.multiplier}
                  onChange={(value) => setTier(i, { multiplier: value })}
                />
                <button
                  type="button"
                  data-testid={`remove-tier-${i}`}
                  className={`${ghostButtonClass} mt-6`}
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
                      className={`${inputClass} max-w-44`}
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
                        className={inputClass}
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
                      className={ghostButtonClass}
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

      <section className={cardClass}>
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
            className={ghostButtonClass}
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
              <TextField
                label="Id"
                issues={issues}
                path={`redemptionOptions.${i}.id`}
                testId={`option-id-${i}`}
                value={o.id}
                onChange={(value) => setOption(i, { id: value })}
              />
              <TextField
                label="Label"
                issues={issues}
                path={`redemptionOptions.${i}.label`}
                testId={`option-label-${i}`}
                value={o.label}
                onChange={(value) => setOption(i, { label: value })}
              />
              <TextField
                label="Points"
                issues={issues}
                path={`redemptionOptions.${i}.points`}
                testId={`option-points-${i}`}
                type="number"
                value={o.points}
                onChange={(value) => setOption(i, { points: value })}
              />
              <Field label="Gives" issues={issues} path={`redemptionOptions.${i}.kind`}>
                <select
                  data-testid={`option-kind-${i}`}
                  className={inputClass}
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
                <TextField
                  label="₹ off"
                  issues={issues}
                  path={`redemptionOptions.${i}.valuePaise`}
                  testId={`option-value-${i}`}
                  type="number"
                  step="0.01"
                  value={o.valueRupees}
                  onChange={(value) => setOption(i, { valueRupees: value })}
                />
              ) : (
                <TextField
                  label="SKU"
                  issues={issues}
                  path={`redemptionOptions.${i}.productSku`}
                  testId={`option-sku-${i}`}
                  value={o.productSku}
                  onChange={(value) => setOption(i, { productSku: value })}
                />
              )}
              <button
                type="button"
                data-testid={`remove-option-${i}`}
                className={`${ghostButtonClass} mt-6`}
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
