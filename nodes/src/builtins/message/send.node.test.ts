import { describe, expect, it } from 'vitest';
import type { OutboundMessage, SendResult } from '../../contract/define-node';
import { fakeLoyaltyContext } from '../loyalty/fake-loyalty-context';
import send from './send.node';

/** A step context (customer Asha, Asia/Kolkata) whose channel records the message and answers `result`. */
function contextAnswering(result: SendResult) {
  const sent: OutboundMessage[] = [];
  const { ctx } = fakeLoyaltyContext();
  const channels = {
    async send(message: OutboundMessage) {
      sent.push(message);
      return result;
    },
  };
  return { ctx: { ...ctx, channels }, sent };
}

describe('message.send and the send rules', () => {
  it('keeps existing configs valid: defaults wait in quiet hours, no fallback, normal priority', () => {
    expect(send.config.parse({ templateId: 'x' })).toEqual({
      channel: 'whatsapp',
      templateId: 'x',
      category: 'utility',
      variables: {},
      quietHours: 'wait',
      fallback: [],
      priority: 'normal',
    });
    expect(send.config.safeParse({ templateId: 'x', fallback: ['fax'] }).success).toBe(false);
    expect(send.config.safeParse({ templateId: 'x', quietHours: 'later' }).success).toBe(false);
  });

  it('passes the rule settings and the rendered free-form text to the channel', async () => {
    const { ctx, sent } = contextAnswering({ messageId: 'm1', created: true, status: 'sent' });
    const config = send.config.parse({
      templateId: 'promo',
      category: 'marketing',
      quietHours: 'skip',
      fallback: ['sms'],
      priority: 'low',
      freeForm: 'Hi {{customer.name}}, your offer is waiting',
    });
    await send.run?.(ctx, config);
    expect(sent[0]).toMatchObject({
      quietHours: 'skip',
      fallback: ['sms'],
      priority: 'low',
      freeForm: 'Hi Asha, your offer is waiting',
    });
  });

  it('goes on through next with the reason when the rules skip the send', async () => {
    const { ctx } = contextAnswering({
      messageId: null,
      created: false,
      status: 'skipped',
      channel: 'whatsapp',
      rule: 'consent',
      reason: 'no marketing consent on whatsapp',
    });
    const result = await send.run?.(ctx, send.config.parse({ templateId: 'promo' }));
    expect(result).toEqual({
      port: 'next',
      output: {
        status: 'skipped',
        channel: 'whatsapp',
        messageId: null,
        duplicate: false,
        rule: 'consent',
        reason: 'no marketing consent on whatsapp',
      },
    });
  });

  it('asks to run again at retryAt when the send is deferred', async () => {
    const retryAt = Date.parse('2026-01-06T03:30:00Z');
    const { ctx } = contextAnswering({
      messageId: null,
      created: false,
      status: 'deferred',
      channel: 'whatsapp',
      rule: 'quiet_hours',
      reason: 'quiet hours',
      retryAt,
    });
    const result = await send.run?.(ctx, send.config.parse({ templateId: 'promo' }));
    expect(result).toMatchObject({ port: 'next', retryAt, output: { status: 'deferred' } });
  });
});
