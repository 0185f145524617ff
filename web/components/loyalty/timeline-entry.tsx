import type { TimelineItem } from '@yatra/db';
import { ENTRY_KIND_LABEL, formatPoints } from './labels';

type LoyaltyItem = Extract<TimelineItem, { kind: 'loyalty' }>;

/** A ledger movement on the customer timeline: "+120 points earned · order 1001 · balance 1,240". */
export function LoyaltyTimelineBody({ item }: { item: LoyaltyItem }) {
  return (
    <div className="font-medium" data-testid="timeline-loyalty" data-entry-kind={item.entryKind}>
      <span className={item.points > 0 ? 'text-emerald-700' : 'text-slate-700'}>
        {formatPoints(item.points, true)} points
      </span>{' '}
      <span className="text-sm font-normal text-slate-500">
        {ENTRY_KIND_LABEL[item.entryKind].toLowerCase()} · {item.reason}
        {item.orderId ? ` · order ${item.orderId}` : ''}
        {item.balanceAfter !== null ? ` · balance ${formatPoints(item.balanceAfter)}` : ''}
      </span>
    </div>
  );
}
