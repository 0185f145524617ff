'use client';

import { useMemo, useState } from 'react';
import { MILLIPAISE_PER_RUPEE, pricesBodySchema } from '../../lib/api/cost/prices-schema';
import { TEMPLATE_CATEGORIES, TEMPLATE_CHANNELS } from '../../lib/api/templates/schema';
import { FieldError, inputClass, SaveButton } from '../forms/fields';
import { useCheckedSave } from '../forms/use-checked-save';
import { CHANNEL_NAMES } from '../outbox/preview-message';

export interface PriceRow {
  channel: string;
  category: string;
  priceMillipaise: number;
}

const key = (channel: string, category: string) => `${channel}/${category}`;
const CELLS = TEMPLATE_CHANNELS.flatMap((channel) =>
  TEMPLATE_CATEGORIES.map((category) => ({ channel, category })),
);

/** Rupees as typed ("0.115") → thousandths of a paisa (11500); NaN for anything else. */
function toMillipaise(rupees: string): number {
  const value = rupees.trim() === '' ? NaN : Number(rupees);
  return Math.round(value * MILLIPAISE_PER_RUPEE);
}

/**
 * The price of one message per channel and category, in rupees. Checked as you type with the
 * API's schema; Save PUTs every cell to /api/settings/prices.
 */
export function PricesForm({ initial }: { initial: PriceRow[] }) {
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      initial.map((p) => [
        key(p.channel, p.category),
        String(p.priceMillipaise / MILLIPAISE_PER_RUPEE),
      ]),
    ),
  );

  const body = useMemo(
    () => ({
      prices: CELLS.map((c) => ({
        ...c,
        priceMillipaise: toMillipaise(draft[key(c.channel, c.category)] ?? ''),
      })),
    }),
    [draft],
  );
  const parsed = useMemo(() => pricesBodySchema.safeParse(body), [body]);
  const { issues, status, edited, onSubmit } = useCheckedSave(parsed, {
    url: '/api/settings/prices',
  });

  return (
    <form data-testid="prices-form" onSubmit={onSubmit} className="space-y-4">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-4 py-3">Channel</th>
              {TEMPLATE_CATEGORIES.map((c) => (
                <th key={c} className="px-4 py-3">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {TEMPLATE_CHANNELS.map((channel) => (
              <tr key={channel}>
                <th scope="row" className="px-4 py-3 font-medium text-slate-800">
                  {CHANNEL_NAMES[channel]}
                </th>
                {TEMPLATE_CATEGORIES.map((category) => {
                  const k = key(channel, category);
                  const path = `prices.${CELLS.findIndex((c) => key(c.channel, c.category) === k)}.priceMillipaise`;
                  return (
                    <td key={category} className="px-4 py-2 align-top">
                      <div className="flex items-center gap-1.5">
                        <span className="text-slate-400">₹</span>
                        <input
                          data-testid="price-input"
                          data-channel={channel}
                          data-category={category}
                          aria-label={`${CHANNEL_NAMES[channel]} ${category}, rupees per message`}
                          inputMode="decimal"
                          className={`${inputClass} max-w-28 tabular-nums`}
                          value={draft[k] ?? ''}
                          aria-invalid={issues.has(path)}
                          onChange={(e) => {
                            setDraft((d) => ({ ...d, [k]: e.target.value }));
                            edited();
                          }}
                        />
                      </div>
                      <FieldError issues={issues} path={path} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <SaveButton testId="prices-save" ready={parsed.success} saving={status === 'saving'}>
          Save prices
        </SaveButton>
        <span data-testid="prices-status" data-status={status} className="text-sm text-slate-500">
          {status === 'saved' && 'Saved. New cost estimates use these prices.'}
          {status === 'failed' && 'Not saved: see the highlighted prices.'}
        </span>
      </div>
    </form>
  );
}
