// Typed calls to Yatra's HTTP API for seeding and checking data in Playwright tests: faster and
// steadier than clicking it together. A refused call throws YatraApiError carrying the server's
// own words (`properties.total: total is integer paise`), so a failing seed says what to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { CustomerTimeline, Message, Product, Customer } from '@yatra/db';
import { journeyDocumentSchema, type JourneyDocumentInput } from '@yatra/nodes';
import type { ConsentPurpose, SendChannel } from '@yatra/nodes/sending/types';
import { forCustomer, orderPlaced, type CustomerEventInput, type CustomerProfile } from '../events';

/** A value as it arrives over JSON: dates are ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export interface PublishedVersion {
  id: string;
  version: number;
  publishedAt: string;
  facts: { maxMessagesPerCustomer: number; maxPathLength: number; nodeCount: number };
}

/** A customer to create or update: `POST /api/customers`. */
export interface CustomerSeed extends CustomerProfile {
  id: string;
  /** YYYY-MM-DD */
  birthday?: string;
  attributes?: Record<string, unknown>;
}

/** A catalogue row: `POST /api/products`. Money is integer paise. */
export interface ProductSeed {
  sku: string;
  name: string;
  category?: string;
  pricePaise: number;
  consumptionCycleDays?: number;
  stock?: number;
}

export interface ApiIssue {
  path: string;
  message: string;
}

/** The server refused a call: its status, message and per-field issues. */
export class YatraApiError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} → ${status}: ${describe(body)}`);
    this.name = 'YatraApiError';
  }

  /** The fields the server named (`[{ path: 'properties.total', message }]`). */
  get issues(): ApiIssue[] {
    const issues = field(this.body, 'issues');
    return Array.isArray(issues) ? issues.filter(isIssue) : [];
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function isIssue(value: unknown): value is ApiIssue {
  return typeof field(value, 'path') === 'string' && typeof field(value, 'message') === 'string';
}

/** `error` then one line per issue (`- path: message`) and compile error; else the raw body. */
function describe(body: unknown): string {
  const error = field(body, 'error');
  if (typeof error !== 'string') return typeof body === 'string' ? body : JSON.stringify(body);
  const issues = field(body, 'issues');
  const errors = field(body, 'errors');
  const lines = [
    ...(Array.isArray(issues) ? issues : []),
    ...(Array.isArray(errors) ? errors : []),
  ].map((i) => {
    const where = field(i, 'path') || field(i, 'nodeId');
    return `\n  - ${typeof where === 'string' && where ? `${where}: ` : ''}${String(field(i, 'message'))}`;
  });
  return error + lines.join('');
}

/**
 * Yatra's HTTP API, typed, for seeding and reading back in tests. Paths are relative to the
 * Playwright `baseURL`.
 * @example
 * const { id } = await api.publishJourneyFile('examples/journeys/post-purchase-45.json', { name: 'QA run 7' });
 * await api.postEvents(forCustomer('c1', orderPlaced({ orderId: 'o-1', paymentMethod: 'cod' })));
 * expect((await api.outbox({ customerId: 'c1' })).map((m) => m.templateId)).toContain('order_confirmation');
 */
export class YatraApi {
  constructor(private readonly request: APIRequestContext) {}

  private async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    data?: unknown,
  ): Promise<T> {
    const res = await this.request.fetch(url, { method, data });
    if (!res.ok()) {
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a proxy's error page, say): keep the text
      }
      throw new YatraApiError(method, url, res.status(), body);
    }
    return (res.status() === 204 ? undefined : await res.json()) as T;
  }

  /** Creates a draft journey; returns its id. */
  async createJourney(document: JourneyDocumentInput): Promise<string> {
    const body = await this.call<{ journey: { id: string } }>('POST', '/api/journeys', {
      document,
    });
    return body.journey.id;
  }

  /** The saved draft document of a journey. */
  async journeyDocument(id: string): Promise<unknown> {
    const body = await this.call<{ journey: { document: unknown } }>('GET', `/api/journeys/${id}`);
    return body.journey.document;
  }

  async versions(
    id: string,
  ): Promise<(PublishedVersion & { publishedBy: string; live: boolean })[]> {
    const body = await this.call<{
      versions: (PublishedVersion & { publishedBy: string; live: boolean })[];
    }>('GET', `/api/journeys/${id}/versions`);
    return body.versions;
  }

  async publishJourney(id: string): Promise<PublishedVersion> {
    return this.call<PublishedVersion>('POST', `/api/journeys/${id}/publish`);
  }

  /** Stops new entrants, so journeys a spec created do not pick up later specs' customers. */
  async unpublishJourney(id: string): Promise<void> {
    await this.call('POST', `/api/journeys/${id}/unpublish`);
  }

  /** Creates and publishes in one go (the composed flow most specs start from). */
  async publishedJourney(
    document: JourneyDocumentInput,
  ): Promise<{ id: string; version: PublishedVersion }> {
    const id = await this.createJourney(document);
    return { id, version: await this.publishJourney(id) };
  }

  /**
   * Publishes a journey file (a JSON document such as `yatra export` writes), relative to the
   * working directory. `name` renames it, so repeated runs against one stack stay apart.
   */
  async publishJourneyFile(
    file: string,
    options: { name?: string } = {},
  ): Promise<{ id: string; version: PublishedVersion; document: JourneyDocumentInput }> {
    const document = readJourneyFile(file);
    const named = options.name === undefined ? document : { ...document, name: options.name };
    return { ...(await this.publishedJourney(named)), document: named };
  }

  /** Creates or updates a customer (omitted fields keep their value). */
  async upsertCustomer(customer: CustomerSeed): Promise<Json<Customer>> {
    const body = await this.call<{ customer: Json<Customer> }>('POST', '/api/customers', customer);
    return body.customer;
  }

  /**
   * Grants or withdraws one channel and purpose (DPDP consent; the next send checks it). Marketing
   * sends need a grant; utility sends go unless withdrawn.
   * @example await api.setConsent('c1', { channel: 'whatsapp', purpose: 'marketing', granted: true })
   */
  async setConsent(
    customerId: string,
    consent: {
      channel: SendChannel;
      purpose: ConsentPurpose;
      granted: boolean;
      note?: string;
    },
  ): Promise<{ changed: boolean }> {
    const body = await this.call<{ changed: boolean }>(
      'POST',
      `/api/customers/${encodeURIComponent(customerId)}/consent`,
      consent,
    );
    return { changed: body.changed };
  }

  /** Inserts or replaces catalogue rows by SKU; answers how many were written. */
  async upsertProducts(products: ProductSeed[]): Promise<number> {
    const body = await this.call<{ written: number }>('POST', '/api/products', { products });
    return body.written;
  }

  async products(): Promise<Json<Product>[]> {
    return (await this.call<{ products: Json<Product>[] }>('GET', '/api/products')).products;
  }

  /** POST /api/events with one event, an array or `{ events }`. */
  async postEvents(
    body: CustomerEventInput | CustomerEventInput[] | { events: CustomerEventInput[] },
  ): Promise<{ accepted: number; duplicates: number; ids: number[] }> {
    return this.call('POST', '/api/events', body);
  }

  /** A first order for a new customer: the demo journey's trigger. */
  async placeOrder(
    customerId: string,
    orderId: string,
    paymentMethod: 'cod' | 'prepaid' = 'prepaid',
  ) {
    const order = orderPlaced({
      orderId,
      paymentMethod,
      customer: { name: 'E2E Shopper', phone: '+919800000001' },
    });
    return this.postEvents(forCustomer(customerId, order));
  }

  /** Everything that happened to a customer, oldest first (404 for an unknown customer). */
  async timeline(customerId: string): Promise<Json<CustomerTimeline>> {
    return this.call('GET', `/api/customers/${encodeURIComponent(customerId)}/timeline`);
  }

  /** The sandbox outbox, oldest first (the API lists newest first). */
  async outbox(filter: { customerId?: string; journeyId?: string } = {}): Promise<Json<Message>[]> {
    const query = new URLSearchParams({ ...filter, limit: '500' });
    const body = await this.call<{ messages: Json<Message>[] }>('GET', `/api/messages?${query}`);
    return body.messages.reverse();
  }
}

/** Reads and checks a journey file, naming the file and each bad field when it is wrong. */
function readJourneyFile(file: string): JourneyDocumentInput {
  const absolute = path.resolve(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the journey file ${absolute}: ${String(error)}`);
  }
  const parsed = journeyDocumentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (i) => `\n  - ${i.path.join('.') || '(document)'}: ${i.message}`,
  );
  throw new Error(`${absolute} is not a journey document:${issues.join('')}`);
}
