// The fixture every spec uses: page objects plus `api`, which seeds data through Yatra's HTTP API
// (faster and steadier than clicking it together; one spec keeps the real gestures).
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { JourneyDocumentInput } from '@yatra/nodes';
import { CanvasEditorPage } from './pages/canvas-editor.page';
import { InspectorPage } from './pages/inspector.page';
import { PalettePage } from './pages/palette.page';
import { SimulatePanelPage } from './pages/simulate-panel.page';
import { JourneysPage } from './pages/journeys-page';
import { OutboxPage } from './pages/outbox-page';
import { TimelinePage } from './pages/timeline-page';

export interface PublishedVersion {
  id: string;
  version: number;
  publishedAt: string;
  facts: { maxMessagesPerCustomer: number; maxPathLength: number; nodeCount: number };
}

/** Typed calls to Yatra's HTTP API that fail the test with the server's answer when refused. */
export class YatraApi {
  constructor(private readonly request: APIRequestContext) {}

  private async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    data?: unknown,
  ): Promise<T> {
    const res = await this.request.fetch(url, { method, data });
    if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()}: ${await res.text()}`);
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

  /** POST /api/events with one event, an array or `{ events }`. */
  async postEvents(
    body: unknown,
  ): Promise<{ accepted: number; duplicates: number; ids: number[] }> {
    return this.call('POST', '/api/events', body);
  }

  /** A first order for a new customer: the demo journey's trigger. */
  async placeOrder(
    customerId: string,
    orderId: string,
    paymentMethod: 'cod' | 'prepaid' = 'prepaid',
  ) {
    return this.postEvents({
      type: 'order.placed',
      customerId,
      idempotencyKey: `${orderId}-placed`,
      properties: {
        orderId,
        total: 129900,
        paymentMethod,
        items: [{ sku: 'SERUM-30', qty: 1, price: 129900 }],
        customer: { name: 'E2E Shopper', phone: '+919800000001' },
      },
    });
  }
}

export const test = base.extend<{
  api: YatraApi;
  journeysPage: JourneysPage;
  canvasEditor: CanvasEditorPage;
  palette: PalettePage;
  inspector: InspectorPage;
  simulatePanel: SimulatePanelPage;
  timelinePage: TimelinePage;
  outboxPage: OutboxPage;
}>({
  api: async ({ request }, use) => {
    await use(new YatraApi(request));
  },
  journeysPage: async ({ page }, use) => {
    await use(new JourneysPage(page));
  },
  canvasEditor: async ({ page }, use) => {
    await use(new CanvasEditorPage(page));
  },
  palette: async ({ page }, use) => {
    await use(new PalettePage(page));
  },
  inspector: async ({ page }, use) => {
    await use(new InspectorPage(page));
  },
  simulatePanel: async ({ page }, use) => {
    await use(new SimulatePanelPage(page));
  },
  timelinePage: async ({ page }, use) => {
    await use(new TimelinePage(page));
  },
  outboxPage: async ({ page }, use) => {
    await use(new OutboxPage(page));
  },
});

export { expect };
