import { getCustomerTimeline, listCustomers, type CustomerTimeline, type Db } from '@yatra/db';
import { z } from 'zod';
import { issuesOf, NotFoundError, ValidationError } from './errors';

/** Everything that happened to one customer, oldest first; NotFoundError for an unknown id. */
export async function customerTimeline(db: Db, customerId: string): Promise<CustomerTimeline> {
  const timeline = await getCustomerTimeline(db, customerId);
  if (!timeline.customer) throw new NotFoundError(`Customer ${customerId} not found.`);
  return timeline;
}

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `GET /api/customers?limit=`: most recently updated first. */
export async function customerList(db: Db, searchParams: URLSearchParams) {
  const query = parseQuery(listQuerySchema, searchParams);
  return listCustomers(db, { limit: query.limit });
}

/** Parses URL query parameters with a zod schema, answering 400 naming the bad parameter. */
export function parseQuery<S extends z.ZodType>(
  schema: S,
  searchParams: URLSearchParams,
): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) {
    throw new ValidationError('Invalid query parameters.', issuesOf(parsed.error));
  }
  return parsed.data;
}
