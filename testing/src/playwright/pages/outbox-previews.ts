import path from 'node:path';
import type { Locator } from '@playwright/test';
import { SCREENSHOT_DIR } from './base-page';
import { OutboxPage } from './outbox-page';

/** The outbox's channel previews and greyed skipped sends, on top of the kit's OutboxPage. */
export class OutboxPreviewsPage extends OutboxPage {
  /** One customer's message on one channel (its whole card: caption and preview). */
  onChannel(channel: 'whatsapp' | 'email' | 'sms' | 'push', customerId: string): Locator {
    return this.page.locator(
      `[data-testid="outbox-message"][data-channel="${channel}"][data-customer-id="${customerId}"]`,
    );
  }

  /** Sends the rules stopped, held back or redirected for a customer. */
  skipped(customerId: string): Locator {
    return this.page.locator(`[data-testid="outbox-skipped"][data-customer-id="${customerId}"]`);
  }

  /** Saves one element (a single preview) as test-results/screenshots/<name>.png. */
  async screenshotOf(item: Locator, name: string): Promise<void> {
    await item.scrollIntoViewIfNeeded();
    await item.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }
}
