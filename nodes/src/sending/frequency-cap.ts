import type { RuleOutcome, SendPolicy, SendPriority, SendRuleInput } from './types';

/**
 * The cap a send of this priority stops at. `normal` journeys may use the whole cap; `low`
 * ones (broadcasts, re-engagement) stop one message earlier, so a normal journey always finds
 * a slot left after them — but never below one, or a cap of 1 would mute low journeys entirely.
 * @example effectiveCap({ ...DEFAULT_SEND_POLICY, frequencyCap: 3 }, 'low') // 2
 */
export function effectiveCap(policy: SendPolicy, priority: SendPriority): number {
  if (priority === 'low')
    return Math.max(policy.frequencyCap - 1, Math.min(policy.frequencyCap, 1));
  return policy.frequencyCap;
}

/**
 * The frequency cap: at most N marketing messages per customer per D days across all journeys
 * and channels (send_settings). Utility and authentication messages neither count nor stop.
 * @example frequencyCapRule({ ...input, category: 'marketing', marketingInWindow: 3 })
 *   // { action: 'skip', rule: 'frequency_cap', reason: '3 marketing messages in 7 days (cap 3)' }
 */
export function frequencyCapRule(input: SendRuleInput): RuleOutcome {
  if (input.category !== 'marketing') return undefined;
  const cap = effectiveCap(input.policy, input.priority);
  if (input.marketingInWindow < cap) return undefined;
  const days = input.policy.frequencyWindowDays;
  const capText = input.priority === 'low' ? `low-priority cap ${cap}` : `cap ${cap}`;
  return {
    action: 'skip',
    rule: 'frequency_cap',
    reason: `${input.marketingInWindow} marketing messages in ${days} days (${capText})`,
  };
}
