import { describe, expect, it } from 'vitest';
import { isStopReply } from './stop-words';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('isStopReply', () => {
  it('recognises opt-out keywords in English and Hindi, whatever the case and punctuation', () => {
    for (const text of ['STOP', ' stop! ', 'Unsubscribe', 'STOP ALL', 'रोकें', 'बंद करें।'])
      expect(isStopReply(text), text).toBe(true);
  });

  it('does not treat a sentence that merely contains the word as an opt-out', () => {
    for (const text of ['stop by the store', 'when will it stop raining?', 'thanks', ''])
      expect(isStopReply(text), text).toBe(false);
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'test-secret';

  it('round-trips the customer and channel', async () => {
    const token = await signUnsubscribeToken({ customerId: 'cust-1', channel: 'email' }, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(await verifyUnsubscribeToken(token, secret)).toEqual({
      customerId: 'cust-1',
      channel: 'email',
    });
  });

  it('rejects a token signed with another secret, a tampered payload and garbage', async () => {
    const token = await signUnsubscribeToken({ customerId: 'cust-1', channel: 'email' }, secret);
    expect(await verifyUnsubscribeToken(token, 'other-secret')).toBeNull();
    const forged = await signUnsubscribeToken({ customerId: 'cust-2', channel: 'email' }, secret);
    const [payload] = forged.split('.');
    const [, signature] = token.split('.');
    expect(await verifyUnsubscribeToken(`${payload}.${signature}`, secret)).toBeNull();
    for (const bad of ['', 'abc', 'a.b.c', 'x$.y', `${payload}.`])
      expect(await verifyUnsubscribeToken(bad, secret), bad).toBeNull();
  });
});
