import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../contract/duration-math';
import { evaluateSendRules } from './evaluate';
import { ruleInput } from './testing';
import { whatsappMode } from './whatsapp-window';

describe("WhatsApp's 24-hour window", () => {
  const now = Date.parse('2026-01-05T04:30:00Z');

  it('sends free-form text only within 24 h of the last inbound message', () => {
    const at = (hoursAgo: number) =>
      whatsappMode(ruleInput({ now, freeForm: true, lastInboundAt: now - hoursAgo * HOUR_MS }));
    expect(at(1)).toBe('free_form');
    expect(at(23.99)).toBe('free_form');
    expect(at(24)).toBe('template');
    expect(at(72)).toBe('template');
  });

  it('falls back to the template when no inbound message opened the window', () => {
    // Our own template sent an hour ago does not open the window: only inbound messages count.
    expect(whatsappMode(ruleInput({ freeForm: true, lastInboundAt: null }))).toBe('template');
    expect(whatsappMode(ruleInput({ freeForm: true }))).toBe('template');
  });

  it('always uses the template when free-form text was not asked for, or off WhatsApp', () => {
    expect(whatsappMode(ruleInput({ lastInboundAt: now - HOUR_MS }))).toBe('template');
    expect(
      whatsappMode(ruleInput({ channel: 'sms', freeForm: true, lastInboundAt: now - HOUR_MS })),
    ).toBe('template');
  });

  it('skips free-form-only sends outside the window, recording why', () => {
    const verdict = evaluateSendRules(ruleInput({ freeForm: true, hasTemplate: false }));
    expect(verdict).toMatchObject({ action: 'skip', rule: 'whatsapp_window' });
    expect(
      evaluateSendRules(
        ruleInput({ freeForm: true, hasTemplate: false, lastInboundAt: now - HOUR_MS }),
      ),
    ).toEqual({ action: 'send', mode: 'free_form' });
  });
});
