import type { ConsentPurpose, RuleOutcome, SendCategory, SendRuleInput } from './types';

/** The consent purpose a category needs: marketing is its own; authentication is a utility. */
export function purposeOf(category: SendCategory): ConsentPurpose {
  return category === 'marketing' ? 'marketing' : 'utility';
}

/**
 * Consent and suppression, checked first (DPDP). Marketing needs an explicit grant for the
 * channel (there is no "legitimate use" basis for it); utility and authentication messages need
 * no grant but honour an opt-out. Suppression stops everything (pending erasure) or promotional
 * SMS to numbers on the DND registry.
 * @example consentRule({ ...input, category: 'marketing', consents: [] })
 *   // { action: 'skip', rule: 'consent', reason: 'no marketing consent on whatsapp' }
 */
export function consentRule(input: SendRuleInput): RuleOutcome {
  const { channel, category, suppression } = input;
  if (suppression?.pendingErasure)
    return { action: 'skip', rule: 'suppression', reason: 'the customer asked to be erased' };
  if (suppression?.dnd && channel === 'sms' && category === 'marketing')
    return { action: 'skip', rule: 'suppression', reason: 'the number is on the DND registry' };
  const purpose = purposeOf(category);
  const stored = input.consents.find((c) => c.channel === channel && c.purpose === purpose);
  const via = stored?.source ? ` (${stored.source})` : '';
  if (stored && !stored.granted)
    return {
      action: 'skip',
      rule: 'consent',
      reason: `opted out of ${purpose} on ${channel}${via}`,
    };
  if (purpose === 'marketing' && !stored)
    return { action: 'skip', rule: 'consent', reason: `no marketing consent on ${channel}` };
  return undefined;
}
