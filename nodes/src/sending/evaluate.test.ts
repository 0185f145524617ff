import { describe, expect, it } from 'vitest';
import { evaluateSendRules } from './evaluate';
import { marketingGranted, ruleInput } from './testing';

describe('evaluateSendRules: the order of DOMAIN.md §5', () => {
  const night = Date.parse('2026-01-05T17:30:00Z'); // 23:00 IST

  it('sends when nothing stops it', () => {
    expect(evaluateSendRules(ruleInput())).toEqual({ action: 'send', mode: 'template' });
  });

  it('consent comes before quiet hours and the cap', () => {
    const verdict = evaluateSendRules(
      ruleInput({ category: 'marketing', now: night, marketingInWindow: 9 }),
    );
    expect(verdict).toMatchObject({ action: 'skip', rule: 'consent' });
  });

  it('quiet hours come before the cap: a capped send at night is deferred, then capped', () => {
    const input = ruleInput({
      category: 'marketing',
      consents: marketingGranted('whatsapp'),
      marketingInWindow: 3,
    });
    expect(evaluateSendRules({ ...input, now: night })).toMatchObject({
      action: 'defer',
      rule: 'quiet_hours',
    });
    expect(evaluateSendRules(input)).toMatchObject({ action: 'skip', rule: 'frequency_cap' });
  });

  it('lets granted marketing through by day', () => {
    expect(
      evaluateSendRules(
        ruleInput({ category: 'marketing', consents: marketingGranted('whatsapp') }),
      ),
    ).toEqual({ action: 'send', mode: 'template' });
  });
});
