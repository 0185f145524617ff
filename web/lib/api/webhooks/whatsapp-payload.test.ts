import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { metaStatus, metaTextMessage, metaWebhook } from './testing/meta-webhook';
import { parseWhatsAppWebhook } from './whatsapp-payload';

describe('parseWhatsAppWebhook', () => {
  it('flattens statuses with error code and pricing category, and inbound replies', () => {
    const parsed = parseWhatsAppWebhook(
      metaWebhook({
        statuses: [
          metaStatus('wamid.A', 'delivered', 1_750_000_000, {
            biz_opaque_callback_data: 'run-1:send-1:whatsapp',
            pricing: { billable: true, pricing_model: 'PMP', category: 'utility' },
          }),
          metaStatus('wamid.B', 'failed', 1_750_000_100, {
            errors: [
              {
                code: 131049,
                title: 'This message was not delivered to maintain healthy ecosystem engagement.',
              },
            ],
          }),
          metaStatus('wamid.C', 'deleted', 1_750_000_200),
        ],
        messages: [
          metaTextMessage('919812345678', 'wamid.IN1', 1_750_000_300, 'STOP'),
          {
            from: '919812345678',
            id: 'wamid.IN2',
            timestamp: '1750000400',
            type: 'button',
            button: { text: 'Track order', payload: 'track' },
          },
        ],
      }),
    );
    expect(parsed.statuses).toEqual([
      expect.objectContaining({
        providerMessageId: 'wamid.A',
        idempotencyKey: 'run-1:send-1:whatsapp',
        status: 'delivered',
        at: new Date(1_750_000_000_000),
        pricingCategory: 'utility',
      }),
      expect.objectContaining({
        providerMessageId: 'wamid.B',
        status: 'failed',
        errorCode: '131049',
      }),
    ]);
    expect(parsed.statuses[0]?.raw).toMatchObject({ pricing: { pricing_model: 'PMP' } });
    expect(parsed.ignored).toBe(1);
    expect(parsed.inbound).toEqual([
      {
        providerMessageId: 'wamid.IN1',
        phone: '+919812345678',
        at: new Date(1_750_000_300_000),
        text: 'STOP',
        type: 'text',
      },
      {
        providerMessageId: 'wamid.IN2',
        phone: '+919812345678',
        at: new Date(1_750_000_400_000),
        text: 'Track order',
        type: 'button',
      },
    ]);
  });

  it('skips other webhook fields such as template status updates', () => {
    const parsed = parseWhatsAppWebhook(
      metaWebhook({}, [
        {
          field: 'message_template_status_update',
          value: { event: 'APPROVED', message_template_id: 1 },
        },
      ]),
    );
    expect(parsed).toEqual({ statuses: [], inbound: [], ignored: 0 });
  });

  it('names the field at fault', () => {
    const attempt = () =>
      parseWhatsAppWebhook(
        metaWebhook({ statuses: [{ id: 'wamid.A', status: 'read', timestamp: 'yesterday' }] }),
      );
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect(error instanceof ValidationError && error.issues.map((i) => i.path)).toEqual([
        'entry.0.changes.0.value.statuses.0.timestamp',
      ]);
    }
    expect(() => parseWhatsAppWebhook({ object: 'page', entry: [] })).toThrow(ValidationError);
  });
});
