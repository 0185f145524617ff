import { describe, expect, it } from 'vitest';
import { channelChain, sendThroughChain, type ChannelAttempt } from './fallback-chain';
import type { SendChannel } from './types';

/** Walks a chain whose channels answer from `answers`, noting which were tried. */
async function walk(chain: SendChannel[], answers: Partial<Record<SendChannel, ChannelAttempt>>) {
  const tried: SendChannel[] = [];
  const result = await sendThroughChain(chain, async (channel) => {
    tried.push(channel);
    const answer = answers[channel];
    if (!answer) throw new Error(`unexpected channel ${channel}`);
    return answer;
  });
  return { result, tried };
}

const sent = (messageId: string): ChannelAttempt => ({ kind: 'sent', messageId, created: true });
const invalidNumber: ChannelAttempt = {
  kind: 'undeliverable',
  rule: 'provider',
  reason: '131026: message undeliverable',
};

describe('fallback chains', () => {
  it('lists the primary first and each channel once', () => {
    expect(channelChain('whatsapp', ['sms', 'whatsapp', 'email'])).toEqual([
      'whatsapp',
      'sms',
      'email',
    ]);
  });

  it('uses the next channel only when one is terminally undeliverable', async () => {
    const { result, tried } = await walk(['whatsapp', 'sms'], {
      whatsapp: invalidNumber,
      sms: sent('m-sms'),
    });
    expect(tried).toEqual(['whatsapp', 'sms']);
    expect(result).toEqual({ status: 'sent', channel: 'sms', messageId: 'm-sms', created: true });
  });

  it('never falls back after an opt-out or a rule stopped the primary', async () => {
    const { result, tried } = await walk(['whatsapp', 'sms'], {
      whatsapp: { kind: 'stopped', rule: 'consent', reason: 'opted out (131050)' },
    });
    expect(tried).toEqual(['whatsapp']);
    expect(result).toMatchObject({ status: 'skipped', rule: 'consent', channel: 'whatsapp' });
  });

  it('never falls back on a deferral (e.g. WhatsApp 131049): it waits instead', async () => {
    const until = Date.parse('2026-01-06T04:30:00Z');
    const { result, tried } = await walk(['whatsapp', 'sms'], {
      whatsapp: { kind: 'deferred', rule: 'whatsapp_marketing_limit', reason: '131049', until },
    });
    expect(tried).toEqual(['whatsapp']);
    expect(result).toMatchObject({ status: 'deferred', retryAt: until, messageId: null });
  });

  it('passes over a fallback channel without consent and fails with the first reason', async () => {
    const { result, tried } = await walk(['whatsapp', 'sms', 'email'], {
      whatsapp: invalidNumber,
      sms: { kind: 'stopped', rule: 'consent', reason: 'opted out of utility on sms' },
      email: invalidNumber,
    });
    expect(tried).toEqual(['whatsapp', 'sms', 'email']);
    expect(result).toEqual({
      status: 'failed',
      messageId: null,
      created: false,
      channel: 'whatsapp',
      rule: 'provider',
      reason: '131026: message undeliverable',
    });
  });
});
