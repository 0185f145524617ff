// Words and numbers for loyalty screens (server and client components alike: no imports of db).
import type { LedgerKind } from '@yatra/db';

const points = new Intl.NumberFormat('en-IN');
const rupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  maximumFractionDigits: 0,
});

/** 1240 → "1,240"; `signed` adds + to credits. */
export function formatPoints(n: number, signed = false): string {
  return `${signed && n > 0 ? '+' : ''}${points.format(n)}`;
}

export const ENTRY_KIND_LABEL: Record<LedgerKind, string> = {
  earn: 'Earned',
  redeem: 'Redeemed',
  expire: 'Expired',
  adjust: 'Adjusted',
  reverse: 'Reversed',
};

/** Tailwind colours of a movement: credits green, debits slate, losses amber/red. */
export const ENTRY_KIND_TONE: Record<LedgerKind, string> = {
  earn: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  redeem: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  expire: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  adjust: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  reverse: 'bg-rose-50 text-rose-700 ring-rose-600/20',
};

/** "₹420 to Gold", "2 orders to Gold", or null at the top of the ladder. */
export function distanceToNextTier(status: {
  metric: 'spend' | 'orders' | 'visits';
  toNextTier: number;
  nextTier: { name: string } | null;
}): string | null {
  if (!status.nextTier) return null;
  const n = status.toNextTier;
  const amount =
    status.metric === 'spend'
      ? rupees.format(n)
      : `${points.format(n)} ${status.metric === 'orders' ? 'order' : 'visit'}${n === 1 ? '' : 's'}`;
  return `${amount} to ${status.nextTier.name}`;
}

/** The qualifying value in its unit: "₹12,400 spent", "7 orders", "3 visits". */
export function qualifyingLabel(metric: 'spend' | 'orders' | 'visits', value: number): string {
  if (metric === 'spend') return `${rupees.format(value)} spent`;
  return `${points.format(value)} ${metric === 'orders' ? 'order' : 'visit'}${value === 1 ? '' : 's'}`;
}
