import { listMessages, type Db, type Message } from '@yatra/db';
import { z } from 'zod';
import { parseQuery } from './customers';

const outboxQuerySchema = z.object({
  customerId: z.string().min(1).optional(),
  journeyId: z.guid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * The sandbox outbox, newest first: `?customerId=&journeyId=&limit=` (limit 1–500, default 100).
 * @example await outbox(db, new URLSearchParams('customerId=c1&limit=5'))
 */
export async function outbox(db: Db, searchParams: URLSearchParams): Promise<Message[]> {
  const query = parseQuery(outboxQuerySchema, searchParams);
  return listMessages(db, query);
}
