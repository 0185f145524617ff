import type { LedgerEntry, LotView } from '@yatra/db';
import { Table } from '../ui';
import { formatDateTime } from '../../lib/format';
import { ENTRY_KIND_LABEL, ENTRY_KIND_TONE, formatPoints } from './labels';

const LOT_TONE: Record<LotView['status'], string> = {
  active: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  used: 'bg-slate-100 text-slate-600 ring-slate-500/20',
  expired: 'bg-amber-50 text-amber-700 ring-amber-600/20',
};

function Badge({ tone, children }: { tone: string; children: string }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
      {children}
    </span>
  );
}

/** Lots in the order redemptions consume them: soonest expiry first. */
export function LotsTable({ lots }: { lots: LotView[] }) {
  return (
    <Table head={['Earned', 'Remaining', 'Earned at', 'Expires', 'Status', 'Order']}>
      {lots.map((lot) => (
        <tr key={lot.id} data-testid="lot-row" data-status={lot.status} data-lot-id={lot.id}>
          <td className="px-4 py-2.5 tabular-nums">{formatPoints(lot.earned)}</td>
          <td className="px-4 py-2.5 font-medium tabular-nums" data-testid="lot-remaining">
            {formatPoints(lot.remaining)}
          </td>
          <td className="px-4 py-2.5 text-slate-600">{formatDateTime(lot.earnedAt)}</td>
          <td className="px-4 py-2.5 text-slate-600" data-testid="lot-expires">
            {formatDateTime(lot.expiresAt)}
          </td>
          <td className="px-4 py-2.5">
            <Badge tone={LOT_TONE[lot.status]}>{lot.status}</Badge>
          </td>
          <td className="px-4 py-2.5 font-mono text-xs text-slate-500">{lot.orderId ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}

/** What an entry's meta says to a person: who adjusted and why, which option was redeemed. */
function detail(entry: LedgerEntry): string {
  const m = entry.meta;
  const parts: string[] = [];
  if (typeof m.note === 'string') parts.push(`“${m.note}”`);
  if (typeof m.actor === 'string') parts.push(`by ${m.actor}`);
  const option = m.option;
  if (typeof option === 'object' && option !== null && 'label' in option) {
    parts.push(String(option.label));
  }
  if (typeof m.debt === 'number' && m.debt > 0) parts.push(`${m.debt} owed`);
  if (typeof m.settledDebt === 'number') parts.push(`${m.settledDebt} settled a debt`);
  return parts.join(' · ');
}

/** Every movement, newest first. */
export function HistoryTable({ entries }: { entries: LedgerEntry[] }) {
  return (
    <Table head={['When', 'Movement', 'Points', 'Balance after', 'Reason', 'Detail']}>
      {entries.map((e) => (
        <tr key={e.id} data-testid="entry-row" data-kind={e.kind} data-entry-id={e.id}>
          <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">
            {formatDateTime(e.occurredAt)}
          </td>
          <td className="px-4 py-2.5">
            <Badge tone={ENTRY_KIND_TONE[e.kind]}>{ENTRY_KIND_LABEL[e.kind]}</Badge>
          </td>
          <td
            className={`px-4 py-2.5 font-medium tabular-nums ${e.points > 0 ? 'text-emerald-700' : 'text-slate-700'}`}
          >
            {formatPoints(e.points, true)}
          </td>
          <td className="px-4 py-2.5 text-slate-600 tabular-nums">
            {e.balanceAfter === null ? '—' : formatPoints(e.balanceAfter)}
          </td>
          <td className="px-4 py-2.5 text-slate-600">
            {e.reason}
            {e.orderId && (
              <span className="ml-1 font-mono text-xs text-slate-400">{e.orderId}</span>
            )}
          </td>
          <td className="px-4 py-2.5 text-xs text-slate-500">{detail(e)}</td>
        </tr>
      ))}
    </Table>
  );
}
