'use client';

// Cohort arms: id, label and percent (random split, with a live total that must reach 100
// together with the holdout) or id, label and values (split by attribute).
import { PlusIcon, XIcon } from '../../icons';
import { inputBase, NumberInput, SmallButton } from './controls';
import type { FieldError } from './config-form';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const COLORS = ['bg-indigo-500', 'bg-sky-500', 'bg-emerald-500', 'bg-amber-500', 'bg-pink-500'];

function nextArmId(arms: Obj[]): string {
  const ids = new Set(arms.map((a) => str(a.id)));
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
    const id = `variant_${letter}`;
    if (!ids.has(id)) return id;
  }
  return `arm_${arms.length + 1}`;
}

export function ArmsEditor({
  split,
  arms: raw,
  holdout,
  hasHoldout,
  errors,
  onChange,
}: {
  split: 'percent' | 'values';
  arms: unknown[];
  holdout: number;
  hasHoldout: boolean;
  errors: FieldError[];
  onChange(arms: unknown[]): void;
}) {
  const arms = raw.map((a) => (isObj(a) ? a : {}));
  const set = (i: number, patch: Obj) => {
    const next = { ...arms[i], ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') delete next[k];
    onChange(arms.map((a, j) => (j === i ? next : a)));
  };
  const percents = arms.map((a) => (typeof a.percent === 'number' ? a.percent : 0));
  const total = percents.reduce((s, p) => s + p, 0) + (hasHoldout ? holdout : 0);
  const ok = Math.abs(total - 100) < 1e-9;
  const rowError = (i: number) =>
    errors.find((e) => e.path === String(i) || e.path.startsWith(`${i}.`))?.message;
  const listError = errors.find((e) => e.path === '')?.message;

  return (
    <div data-testid="arms" className="space-y-2">
      {arms.map((arm, i) => (
        <div
          key={i}
          data-testid="arm"
          data-index={i}
          className="rounded-lg border border-slate-200 bg-slate-50/60 p-2"
        >
          <div className="flex items-center gap-1.5">
            {split === 'percent' && (
              <span
                aria-hidden
                className={`size-2.5 shrink-0 rounded-full ${COLORS[i % COLORS.length]}`}
              />
            )}
            <input
              aria-label={`Arm ${i + 1}: id (its port)`}
              value={str(arm.id)}
              placeholder="variant_a"
              spellCheck={false}
              onChange={(e) =>
                set(i, { id: e.target.value.toLowerCase().replace(/[^a-z0-9_]/g, '_') })
              }
              className={`${inputBase} min-w-0 flex-1 font-mono text-[12px]`}
            />
            {split === 'percent' && (
              <div className="relative w-20 shrink-0">
                <NumberInput
                  ariaLabel={`Arm ${i + 1}: percent`}
                  value={typeof arm.percent === 'number' ? arm.percent : undefined}
                  min={0}
                  max={100}
                  onChange={(p) => set(i, { percent: p ?? 0 })}
                  className="w-full pr-6"
                />
                <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 text-xs text-slate-400">
                  %
                </span>
              </div>
            )}
            <SmallButton
              tone="danger"
              ariaLabel={`Remove arm ${i + 1}`}
              disabled={arms.length <= 1}
              onClick={() => onChange(arms.filter((_, j) => j !== i))}
            >
              <XIcon className="size-3.5" />
            </SmallButton>
          </div>
          <div className="mt-1.5 flex gap-1.5">
            <input
              aria-label={`Arm ${i + 1}: label`}
              value={str(arm.label)}
              placeholder="Label (optional)"
              onChange={(e) => set(i, { label: e.target.value })}
              className={`${inputBase} min-w-0 flex-1 text-[12px]`}
            />
            {split === 'values' && (
              <input
                aria-label={`Arm ${i + 1}: values`}
                value={Array.isArray(arm.values) ? arm.values.map(String).join(', ') : ''}
                placeholder="mr, hi"
                onChange={(e) =>
                  set(i, {
                    values: e.target.value
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  })
                }
                className={`${inputBase} min-w-0 flex-1 font-mono text-[12px]`}
              />
            )}
          </div>
          {rowError(i) && <p className="mt-1 text-[11px] text-red-600">{rowError(i)}</p>}
        </div>
      ))}
      <SmallButton
        tone="ghost"
        testId="add-arm"
        onClick={() =>
          onChange([
            ...arms,
            split === 'percent'
              ? { id: nextArmId(arms), percent: 0 }
              : { id: nextArmId(arms), values: [] },
          ])
        }
      >
        <PlusIcon className="size-3.5" /> Add arm
      </SmallButton>

      {split === 'percent' && (
        <div
          data-testid="arms-total"
          data-ok={ok ? 'true' : 'false'}
          data-total={total}
          className={`rounded-lg px-2.5 py-2 text-xs ${ok ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-700'}`}
        >
          <div className="mb-1.5 flex h-2 overflow-hidden rounded-full bg-white/80 ring-1 ring-black/5">
            {percents.map((p, i) => (
              <span
                key={i}
                className={COLORS[i % COLORS.length]}
                style={{ width: `${Math.max(0, Math.min(100, p))}%` }}
              />
            ))}
            {hasHoldout && holdout > 0 && (
              <span className="bg-slate-400" style={{ width: `${Math.min(100, holdout)}%` }} />
            )}
          </div>
          <span className="font-semibold tabular-nums">Total {Number(total.toFixed(2))}%</span>
          {hasHoldout && <span className="opacity-80"> (arms + {holdout}% holdout)</span>}
          {ok ? ' — adds up to 100.' : ' — must add up to 100.'}
        </div>
      )}
      {listError && <p className="text-[11px] text-red-600">{listError}</p>}
    </div>
  );
}
