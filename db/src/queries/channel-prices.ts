import { asc, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { channelPrices } from '../schema';

export interface ChannelPrice {
  channel: string;
  category: string;
  /** Thousandths of a paisa per message (₹0.115 = 11,500). */
  priceMillipaise: number;
  updatedAt: Date;
}

/** Every price, by channel then category (migration 0003 inserts DOMAIN.md's defaults). */
export async function listChannelPrices(db: Db): Promise<ChannelPrice[]> {
  return db
    .select()
    .from(channelPrices)
    .orderBy(asc(channelPrices.channel), asc(channelPrices.category));
}

/** Sets the given prices (others stay as they are), in one statement; returns the whole table. */
export async function setChannelPrices(
  db: Db,
  prices: readonly { channel: string; category: string; priceMillipaise: number }[],
): Promise<ChannelPrice[]> {
  if (prices.length > 0) {
    await db
      .insert(channelPrices)
      .values(prices.map((p) => ({ ...p, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [channelPrices.channel, channelPrices.category],
        set: {
          priceMillipaise: sql`excluded.price_millipaise`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return listChannelPrices(db);
}

/**
 * The prices as a lookup: `price(channel, category)` in millipaise, undefined when not set.
 * @example (await priceLookup(db))('whatsapp', 'marketing') // 96000
 */
export async function priceLookup(
  db: Db,
): Promise<(channel: string, category: string) => number | undefined> {
  const table = new Map(
    (await listChannelPrices(db)).map((p) => [`${p.channel}/${p.category}`, p.priceMillipaise]),
  );
  return (channel, category) => table.get(`${channel}/${category}`);
}
