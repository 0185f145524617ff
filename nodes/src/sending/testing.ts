import { DEFAULT_SEND_POLICY, type SendRuleInput } from './types';

/** A send that every rule lets through: utility WhatsApp at 10:00 IST. Override what a test varies. */
export function ruleInput(overrides: Partial<SendRuleInput> = {}): SendRuleInput {
  return {
    now: Date.parse('2026-01-05T04:30:00Z'),
    channel: 'whatsapp',
    category: 'utility',
    timeZone: 'Asia/Kolkata',
    consents: [],
    quietHours: 'wait',
    priority: 'normal',
    policy: DEFAULT_SEND_POLICY,
    marketingInWindow: 0,
    ...overrides,
  };
}

/** Consent rows granting marketing on the given channels. */
export const marketingGranted = (...channels: string[]) =>
  channels.map((channel) => ({ channel, purpose: 'marketing', granted: true }));
