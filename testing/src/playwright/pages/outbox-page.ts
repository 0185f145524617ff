import { expect, type Locator } from '@playwright/test';
import { BasePage } from './base-page';

/** /outbox: the sandbox outbox, newest first. */
export class OutboxPage extends BasePage {
  get messages(): Locator {
    return this.page.getByTestId('outbox-message');
  }

  message(templateId: string, customerId?: string): Locator {
    const customer = customerId ? `[data-customer-id="${customerId}"]` : '';
    return this.page.locator(
      `[data-testid="outbox-message"][data-template-id="${templateId}"]${customer}`,
    );
  }

  /** Opens the outbox, optionally only one customer's messages. */
  async open(customerId?: string): Promise<void> {
    await this.goto(
      customerId ? `/outbox?customerId=${encodeURIComponent(customerId)}` : '/outbox',
    );
  }

  async waitFor(item: Locator, timeoutMs = 20_000): Promise<void> {
    await this.reloadUntil(() => expect(item.first()).toBeVisible({ timeout: 1_000 }), timeoutMs);
  }
}
