import { describe, expect, it } from 'vitest';
import { consentRule, purposeOf } from './consent-rule';
import { marketingGranted, ruleInput } from './testing';

describe('consentRule', () => {
  it('lets utility and authentication go without any grant', () => {
    expect(consentRule(ruleInput({ category: 'utility' }))).toBeUndefined();
    expect(consentRule(ruleInput({ category: 'authentication' }))).toBeUndefined();
    expect(purposeOf('authentication')).toBe('utility');
  });

  it('honours a utility opt-out on that channel only', () => {
    const consents = [{ channel: 'sms', purpose: 'utility', granted: false, source: 'reply' }];
    expect(consentRule(ruleInput({ channel: 'sms', consents }))).toEqual({
      action: 'skip',
      rule: 'consent',
      reason: 'opted out of utility on sms (reply)',
    });
    expect(consentRule(ruleInput({ channel: 'whatsapp', consents }))).toBeUndefined();
  });

  it('needs an explicit marketing grant for the same channel (no legitimate-use basis)', () => {
    const marketing = (consents = marketingGranted('email')) =>
      consentRule(ruleInput({ category: 'marketing', channel: 'whatsapp', consents }));
    expect(marketing()).toEqual({
      action: 'skip',
      rule: 'consent',
      reason: 'no marketing consent on whatsapp',
    });
    expect(marketing(marketingGranted('whatsapp'))).toBeUndefined();
    // A utility grant is not a marketing grant.
    expect(marketing([{ channel: 'whatsapp', purpose: 'utility', granted: true }])).toMatchObject({
      rule: 'consent',
    });
  });

  it('stops marketing after a withdrawal, and says how it was withdrawn', () => {
    const consents = [{ channel: 'whatsapp', purpose: 'marketing', granted: false, source: 'api' }];
    expect(consentRule(ruleInput({ category: 'marketing', consents }))).toEqual({
      action: 'skip',
      rule: 'consent',
      reason: 'opted out of marketing on whatsapp (api)',
    });
    // Withdrawing marketing leaves transactional messages alone.
    expect(consentRule(ruleInput({ category: 'utility', consents }))).toBeUndefined();
  });

  it('suppresses everything for a pending erasure, and promotional SMS for DND numbers', () => {
    const granted = marketingGranted('sms', 'whatsapp');
    expect(
      consentRule(ruleInput({ suppression: { pendingErasure: true }, consents: granted })),
    ).toMatchObject({ action: 'skip', rule: 'suppression' });
    const dnd = { dnd: true };
    expect(
      consentRule(
        ruleInput({ channel: 'sms', category: 'marketing', suppression: dnd, consents: granted }),
      ),
    ).toMatchObject({ rule: 'suppression', reason: 'the number is on the DND registry' });
    expect(consentRule(ruleInput({ channel: 'sms', suppression: dnd }))).toBeUndefined();
    expect(
      consentRule(ruleInput({ category: 'marketing', suppression: dnd, consents: granted })),
    ).toBeUndefined();
  });
});
