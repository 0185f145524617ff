import { consentRule } from './consent-rule';
import { frequencyCapRule } from './frequency-cap';
import { quietHoursRule } from './quiet-hours';
import type { SendRuleInput, SendVerdict } from './types';
import { whatsappMode } from './whatsapp-window';

/**
 * Every rule a send must obey, in DOMAIN.md §5's order: consent and suppression → WhatsApp's
 * 24-hour window → quiet hours and promotional-SMS hours → frequency cap. The first rule that
 * stops or delays the send decides; otherwise it may go (as a template or free-form text).
 * @example evaluateSendRules(input) // { action: 'send', mode: 'template' }
 */
export function evaluateSendRules(input: SendRuleInput): SendVerdict {
  const stopped = consentRule(input);
  if (stopped) return stopped;
  const mode = whatsappMode(input);
  if (mode === 'closed') {
    return {
      action: 'skip',
      rule: 'whatsapp_window',
      reason: 'free-form text outside the 24-hour window and no template to send instead',
    };
  }
  return quietHoursRule(input) ?? frequencyCapRule(input) ?? { action: 'send', mode };
}
