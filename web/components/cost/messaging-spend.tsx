import type { MessagingCost } from '@yatra/db';
import { formatMillipaise } from '@yatra/nodes/journey/cost';

/** A journey's messaging spend so far: "₹12.40 · 96 messages", or a dash before the first send. */
export function MessagingSpend({ cost }: { cost: MessagingCost | undefined }) {
  if (!cost || cost.messages === 0)
    return (
      <span data-testid="journey-spend" data-millipaise={0} className="text-slate-400">
        —
      </span>
    );
  const title = [
    'Sent, delivered and read messages × the prices in Settings → Costs.',
    "The category the provider billed (WhatsApp's pricing category) wins over the template's.",
    cost.unpriced > 0
      ? `${cost.unpriced} message(s) have no price for their channel and category.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span
      data-testid="journey-spend"
      data-millipaise={cost.costMillipaise}
      title={title}
      className="tabular-nums"
    >
      <span className="font-medium text-slate-800">{formatMillipaise(cost.costMillipaise)}</span>
      <span className="text-xs text-slate-500">
        {' '}
        · {cost.messages} message{cost.messages === 1 ? '' : 's'}
      </span>
    </span>
  );
}
