import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inboundActivity } from '../schema';

/**
 * Notes an inbound message from the customer (a WhatsApp reply opens the 24-hour window).
 * Only moves forward: a late-delivered older message never shortens the window.
 */
export async function recordInbound(
  db: Db,
  input: { customerId: string; channel: string; at: Date },
): Promise<void> {
  await db
    .insert(inboundActivity)
    .values({ customerId: input.customerId, channel: input.channel, lastInboundAt: input.at })
    .onConflictDoUpdate({
      target: [inboundActivity.customerId, inboundActivity.channel],
      set: {
        lastInboundAt: sql`greatest(${inboundActivity.lastInboundAt}, excluded.last_inbound_at)`,
      },
    });
}

/** When the customer last wrote to us on `channel`, or null. */
export async function getLastInbound(
  db: Db,
  customerId: string,
  channel: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ at: inboundActivity.lastInboundAt })
    .from(inboundActivity)
    .where(and(eq(inboundActivity.customerId, customerId), eq(inboundActivity.channel, channel)));
  return row?.at ?? null;
}
