// Seeding customers and the product catalogue over HTTP (`POST /api/customers`, `POST
// /api/products`): what a brand's catalogue sync and QA suites call before sending events.
import {
  listProducts,
  upsertCustomer,
  upsertProducts,
  type Customer,
  type Db,
  type Product,
} from '@yatra/db';
import { customerProfileSchema } from '@yatra/nodes/contract/event-input';
import { isValidTimeZone } from '@yatra/nodes/contract/time-zones';
import { z } from 'zod';
import { issuesOf, ValidationError } from './errors';

/** A customer as `POST /api/customers` takes it; omitted fields keep their stored value. */
export const customerInputSchema = z.strictObject({
  ...customerProfileSchema.shape,
  id: z.string({ error: 'a customer id (string) is required' }).min(1).max(128),
  timeZone: z
    .string()
    .refine(isValidTimeZone, {
      error: (issue) =>
        `unknown time zone ${JSON.stringify(issue.input)}; use an IANA name like Asia/Kolkata`,
    })
    .optional(),
  birthday: z.iso.date('birthday is a date like 1994-03-21').optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

const productSchema = z.strictObject({
  sku: z.string().min(1).max(64),
  name: z.string().min(1),
  category: z.string().min(1).optional(),
  pricePaise: z.number().int('pricePaise is integer paise (₹1 = 100)').min(0),
  consumptionCycleDays: z.number().int().positive().optional(),
  stock: z.number().int().min(0).default(0),
});

/** One product, an array, or `{ products: [...] }` (at most 1,000). */
export const productsBodySchema = z.union([
  z.array(productSchema).min(1).max(1000),
  z.strictObject({ products: z.array(productSchema).min(1).max(1000) }),
  productSchema,
]);

const productShape = (body: unknown): 0 | 1 | 2 =>
  Array.isArray(body) ? 0 : typeof body === 'object' && body !== null && 'products' in body ? 1 : 2;

function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
  branch?: number,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    `The ${what} is invalid; nothing was stored.`,
    issuesOf(parsed.error, branch === undefined ? undefined : (branches) => branches[branch]),
  );
}

/**
 * Creates or updates one customer. Throws ValidationError naming each bad field.
 * @example await saveCustomer(db, { id: 'cust_1', name: 'Asha', timeZone: 'Asia/Kolkata' })
 */
export async function saveCustomer(db: Db, body: unknown): Promise<Customer> {
  return upsertCustomer(db, parseBody(customerInputSchema, body, 'customer'));
}

/**
 * Inserts or replaces catalogue rows by SKU, in one statement; answers how many were written.
 * @example await saveProducts(db, [{ sku: 'SERUM-30', name: 'Serum 30 ml', pricePaise: 129900 }])
 */
export async function saveProducts(db: Db, body: unknown): Promise<{ written: number }> {
  const parsed = parseBody(productsBodySchema, body, 'product list', productShape(body));
  const list = Array.isArray(parsed) ? parsed : 'products' in parsed ? parsed.products : [parsed];
  return { written: await upsertProducts(db, list) };
}

/** The whole catalogue, by SKU. */
export async function productList(db: Db): Promise<Product[]> {
  return listProducts(db);
}
