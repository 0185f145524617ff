import { describe, expect, it } from 'vitest';
import { effectiveCap, frequencyCapRule } from './frequency-cap';
import { ruleInput } from './testing';
import { DEFAULT_SEND_POLICY } from './types';

describe('frequency cap', () => {
  const marketing = (count: number, priority: 'normal' | 'low' = 'normal') =>
    frequencyCapRule(ruleInput({ category: 'marketing', marketingInWindow: count, priority }));

  it('allows up to N marketing messages per window and skips the next, saying why', () => {
    expect(marketing(0)).toBeUndefined();
    expect(marketing(2)).toBeUndefined();
    expect(marketing(3)).toEqual({
      action: 'skip',
      rule: 'frequency_cap',
      reason: '3 marketing messages in 7 days (cap 3)',
    });
  });

  it('stops low-priority journeys one message earlier, leaving headroom for normal ones', () => {
    expect(marketing(1, 'low')).toBeUndefined();
    expect(marketing(2, 'low')).toEqual({
      action: 'skip',
      rule: 'frequency_cap',
      reason: '2 marketing messages in 7 days (low-priority cap 2)',
    });
    expect(marketing(2, 'normal')).toBeUndefined();
  });

  it('never mutes low priority with a cap of 1, and a cap of 0 stops all marketing', () => {
    const cap = (frequencyCap: number) => ({ ...DEFAULT_SEND_POLICY, frequencyCap });
    expect(effectiveCap(cap(1), 'low')).toBe(1);
    expect(effectiveCap(cap(5), 'low')).toBe(4);
    expect(effectiveCap(cap(0), 'low')).toBe(0);
    expect(effectiveCap(cap(0), 'normal')).toBe(0);
  });

  it('does not apply to utility messages, however many were sent', () => {
    expect(
      frequencyCapRule(ruleInput({ category: 'utility', marketingInWindow: 50 })),
    ).toBeUndefined();
  });
});
