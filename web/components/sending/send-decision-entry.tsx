import type { TimelineItem } from '@yatra/db';
import { formatDateTime } from '../../lib/format';

type Decision = Extract<TimelineItem, { kind: 'send.decision' }>;

const VERB: Record<string, string> = {
  skipped: 'Not sent',
  deferred: 'Held',
  fallback: 'Falling back',
  failed: 'Could not deliver',
};

/** Rule ids (send_decisions.rule) as people read them. */
export const RULE_NAMES: Record<string, string> = {
  consent: 'consent',
  suppression: 'suppression',
  no_recipient: 'no address',
  whatsapp_window: 'WhatsApp 24-hour window',
  quiet_hours: 'quiet hours',
  promo_sms_hours: 'promotional SMS hours',
  frequency_cap: 'frequency cap',
  whatsapp_marketing_limit: 'WhatsApp marketing limit',
  provider: 'provider',
};

/** A send the rules stopped, held or redirected, with the reason, on the customer timeline. */
export function SendDecisionBody({ item }: { item: Decision }) {
  return (
    <>
      <div className="font-medium">
        {VERB[item.decision] ?? item.decision}{' '}
        <code className="font-mono text-sm">{item.templateId}</code>{' '}
        <span className="text-sm font-normal text-slate-500">
          via {item.channel} · {item.category} ·{' '}
          <span data-testid="send-decision-rule" data-rule={item.rule}>
            {RULE_NAMES[item.rule] ?? item.rule}
          </span>
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-600" data-testid="send-decision-reason">
        {item.reason}
        {item.until && ` — until ${formatDateTime(item.until)}`}
      </p>
    </>
  );
}
