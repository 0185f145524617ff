import Link from 'next/link';
import type { SendDecision } from '@yatra/db';
import { formatDateTime } from '../../lib/format';
import { CHANNEL_NAMES } from './preview-message';

const DECISION: Record<string, string> = {
  skipped: 'Not sent',
  deferred: 'Held back',
  fallback: 'Fell back',
  failed: 'Gave up',
};

const RULE: Record<string, string> = {
  consent: 'no consent',
  suppression: 'opted out',
  whatsapp_window: 'outside the 24-hour window',
  quiet_hours: 'quiet hours',
  promo_sms_hours: 'promotional SMS hours',
  frequency_cap: 'frequency cap',
  provider: 'provider error',
};

/**
 * A send the rules stopped, delayed or redirected (send_decisions): greyed, with the rule and
 * the reason in words, so "why didn't Asha get it?" is answered where the messages are.
 */
export function SkippedSend({ decision }: { decision: SendDecision }) {
  return (
    <article
      data-testid="outbox-skipped"
      data-decision={decision.decision}
      data-rule={decision.rule}
      data-template-id={decision.templateId}
      data-customer-id={decision.customerId}
      className="rounded-xl border border-dashed border-slate-300 bg-slate-50/70 p-4 text-slate-500"
    >
      <div className="flex items-center gap-2 text-xs">
        <span className="rounded-full bg-slate-200 px-2 py-0.5 font-medium text-slate-600">
          {DECISION[decision.decision] ?? decision.decision}
        </span>
        <span>{RULE[decision.rule] ?? decision.rule.replaceAll('_', ' ')}</span>
        <span className="ml-auto">{formatDateTime(decision.createdAt)}</span>
      </div>
      <p className="mt-2 text-sm">
        <span className="font-mono text-xs line-through decoration-slate-400">
          {decision.templateId}
        </span>{' '}
        on {CHANNEL_NAMES[decision.channel] ?? decision.channel} to{' '}
        <Link
          href={`/customers/${encodeURIComponent(decision.customerId)}`}
          className="font-medium text-slate-600 hover:underline"
        >
          {decision.customerId}
        </Link>
      </p>
      <p data-testid="skipped-reason" className="mt-1 text-sm text-slate-600">
        {decision.reason}
      </p>
      {decision.until && (
        <p className="mt-1 text-xs">Retries after {formatDateTime(decision.until)}.</p>
      )}
    </article>
  );
}
