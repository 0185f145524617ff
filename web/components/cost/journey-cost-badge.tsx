import { formatMillipaise, type CostEstimate } from '@yatra/nodes/journey/cost';

const CHANNEL: Record<string, string> = {
  whatsapp: 'WhatsApp',
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

/** The tooltip: how the two figures were reached, and what each send step costs. */
function explanation(cost: CostEstimate): string {
  const steps = cost.steps.map(
    (s) =>
      `• ${s.nodeId}: ${CHANNEL[s.channel] ?? s.channel} ${s.category} ${
        s.priceMillipaise === undefined ? 'no price set' : formatMillipaise(s.priceMillipaise)
      }`,
  );
  return [
    `Messaging cost per customer who enters, at the prices in Settings → Costs.`,
    `Typical (${cost.typicalMessages.toFixed(1)} messages): random cohort arms weighted by their percentages; conditions and waits (event or timeout) count 50/50; a step's failure branch never.`,
    `Worst (${cost.worstMessages} messages): the most expensive branch everywhere. Goals that end a run early are ignored; a loop counts once.`,
    ...(steps.length > 0 ? ['', ...steps] : []),
  ].join('\n');
}

/** "₹1.26 – ₹2.38 per customer (typical – worst)" for the canvas header. */
export function JourneyCostBadge({ cost }: { cost: CostEstimate }) {
  const same = cost.typicalMillipaise === cost.worstMillipaise;
  return (
    <span
      data-testid="journey-cost"
      data-typical-millipaise={cost.typicalMillipaise}
      data-worst-millipaise={cost.worstMillipaise}
      title={explanation(cost)}
      className="inline-flex shrink-0 cursor-help items-baseline gap-1 rounded-md bg-slate-50 px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-200 tabular-nums"
    >
      <span className="font-semibold text-slate-800">
        {same
          ? formatMillipaise(cost.worstMillipaise)
          : `${formatMillipaise(cost.typicalMillipaise)} – ${formatMillipaise(cost.worstMillipaise)}`}
      </span>
      per customer
      {!same && <span className="text-slate-400">(typical – worst)</span>}
    </span>
  );
}
