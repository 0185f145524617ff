import { describe, expect, it } from 'vitest';
import {
  countMessagesSince,
  insertMessageOnce,
  listMessages,
  type MessageInput,
} from './queries/messages';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

const message = (
  key: string,
  createdAt: string,
  overrides: Partial<MessageInput> = {},
): MessageInput => ({
  idempotencyKey: key,
  customerId: 'c-1',
  channel: 'whatsapp',
  templateId: 'order_confirmation',
  recipient: '+919800000001',
  variables: { name: 'Asha' },
  body: 'Hi Asha, your order is confirmed.',
  createdAt: new Date(createdAt),
  ...overrides,
});

describe('messages outbox', () => {
  it('writes one row per idempotency key and returns the first on retry', async () => {
    const first = await insertMessageOnce(
      t.db,
      message('run-1/send-1/+919800000001/whatsapp', '2025-04-01T10:00:00Z'),
    );
    const retry = await insertMessageOnce(
      t.db,
      message('run-1/send-1/+919800000001/whatsapp', '2025-04-01T10:05:00Z', { body: 'changed' }),
    );
    expect(first.created).toBe(true);
    expect(first.message).toMatchObject({
      status: 'sent',
      provider: 'sandbox',
      category: 'utility',
      variables: { name: 'Asha' },
    });
    expect(retry).toEqual({ message: first.message, created: false });
    expect(await listMessages(t.db, { customerId: 'c-1' })).toHaveLength(1);
  });

  it('lists newest first and counts for frequency caps', async () => {
    await insertMessageOnce(
      t.db,
      message('m-2', '2025-04-02T10:00:00Z', { category: 'marketing', channel: 'sms' }),
    );
    await insertMessageOnce(
      t.db,
      message('m-3', '2025-04-03T10:00:00Z', { category: 'marketing' }),
    );
    const listed = await listMessages(t.db, { customerId: 'c-1', limit: 2 });
    expect(listed.map((m) => m.idempotencyKey)).toEqual(['m-3', 'm-2']);
    expect(await countMessagesSince(t.db, 'c-1', new Date('2025-04-02T00:00:00Z'))).toBe(2);
    expect(
      await countMessagesSince(t.db, 'c-1', new Date('2025-04-01T00:00:00Z'), {
        category: 'marketing',
        channel: 'whatsapp',
      }),
    ).toBe(1);
    expect(await countMessagesSince(t.db, 'c-other', new Date(0))).toBe(0);
  });
});
