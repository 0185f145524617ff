import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listChannelPrices, priceLookup, setChannelPrices } from './queries/channel-prices';
import { messagingCostByJourney, messagingCostByNode } from './queries/messaging-cost';
import { insertMessageOnce } from './queries/messages';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

let seq = 0;
async function message(
  journeyId: string,
  nodeId: string,
  channel: string,
  category: string,
  status: string,
  pricingCategory?: string,
): Promise<void> {
  const { message } = await insertMessageOnce(t.db, {
    idempotencyKey: `k-${++seq}`,
    journeyId,
    nodeId,
    customerId: `c-${seq}`,
    channel,
    templateId: 'x',
    category,
    status,
    createdAt: new Date('2026-01-05T10:00:00Z'),
  });
  if (pricingCategory) {
    // The provider's reported category arrives later, on a status webhook.
    await t.db.execute(
      `update messages set pricing_category = '${pricingCategory}' where id = '${message.id}'`,
    );
  }
}

describe('channel prices', () => {
  it('starts with DOMAIN.md defaults and updates only the prices given', async () => {
    const price = await priceLookup(t.db);
    expect(price('whatsapp', 'utility')).toBe(11_500);
    expect(price('whatsapp', 'marketing')).toBe(96_000);
    expect(price('sms', 'utility')).toBe(18_000);
    expect(price('fax', 'utility')).toBeUndefined();
    const before = await listChannelPrices(t.db);
    expect(before).toHaveLength(12);

    const after = await setChannelPrices(t.db, [
      { channel: 'email', category: 'marketing', priceMillipaise: 2_500 },
    ]);
    expect(after).toHaveLength(12);
    expect((await priceLookup(t.db))('email', 'marketing')).toBe(2_500);
    expect((await priceLookup(t.db))('email', 'utility')).toBe(2_000);
    await setChannelPrices(t.db, [
      { channel: 'email', category: 'marketing', priceMillipaise: 2_000 },
    ]);
  });
});

describe('actual messaging cost', () => {
  it('sums billable messages × price, preferring the category the provider billed', async () => {
    const a = randomUUID();
    const b = randomUUID();
    // Journey a: two utility WhatsApps (one read), one marketing WhatsApp Meta billed as utility,
    // one failed and one still queued (free), one SMS fallback, one push (priced 0).
    await message(a, 'confirm', 'whatsapp', 'utility', 'sent');
    await message(a, 'confirm', 'whatsapp', 'utility', 'read');
    await message(a, 'promo', 'whatsapp', 'marketing', 'delivered', 'utility');
    await message(a, 'promo', 'whatsapp', 'marketing', 'failed');
    await message(a, 'promo', 'whatsapp', 'marketing', 'queued');
    await message(a, 'confirm', 'sms', 'utility', 'sent');
    await message(a, 'nudge', 'push', 'marketing', 'sent');
    // Journey b: one marketing WhatsApp; one with a category nobody priced.
    await message(b, 'promo', 'whatsapp', 'marketing', 'sent');
    await message(b, 'promo', 'whatsapp', 'marketing', 'sent', 'referral_conversion');

    const byJourney = await messagingCostByJourney(t.db, [a, b]);
    expect(byJourney).toEqual(
      [
        // 3 × 11,500 + 18,000 + 0
        { journeyId: a, messages: 5, costMillipaise: 52_500, unpriced: 0 },
        { journeyId: b, messages: 2, costMillipaise: 96_000, unpriced: 1 },
      ].sort((x, y) => x.journeyId.localeCompare(y.journeyId)),
    );
    expect(await messagingCostByJourney(t.db, [])).toEqual([]);
    expect((await messagingCostByJourney(t.db)).map((r) => r.journeyId)).toEqual(
      expect.arrayContaining([a, b]),
    );

    expect(await messagingCostByNode(t.db, a)).toEqual([
      { nodeId: 'confirm', channel: 'sms', messages: 1, costMillipaise: 18_000, unpriced: 0 },
      { nodeId: 'confirm', channel: 'whatsapp', messages: 2, costMillipaise: 23_000, unpriced: 0 },
      { nodeId: 'nudge', channel: 'push', messages: 1, costMillipaise: 0, unpriced: 0 },
      { nodeId: 'promo', channel: 'whatsapp', messages: 1, costMillipaise: 11_500, unpriced: 0 },
    ]);
  });
});
