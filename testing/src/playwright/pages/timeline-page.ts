import { expect, type Locator } from '@playwright/test';
import { BasePage } from './base-page';

export type TimelineKind = 'event' | 'run.entered' | 'step' | 'message' | 'run.exited';

/** /customers/:id: one customer's timeline. */
export class TimelinePage extends BasePage {
  get items(): Locator {
    return this.page.getByTestId('timeline-item');
  }

  itemsOfKind(kind: TimelineKind): Locator {
    return this.page.locator(`[data-testid="timeline-item"][data-kind="${kind}"]`);
  }

  message(templateId: string): Locator {
    return this.page.locator(
      `[data-testid="timeline-item"][data-kind="message"][data-template-id="${templateId}"]`,
    );
  }

  step(nodeId: string): Locator {
    return this.page.locator(
      `[data-testid="timeline-item"][data-kind="step"][data-node-id="${nodeId}"]`,
    );
  }

  async open(customerId: string): Promise<void> {
    await this.goto(`/customers/${encodeURIComponent(customerId)}`);
  }

  /** Reloads until `item` shows (the worker runs the journey asynchronously). */
  async waitFor(item: Locator, timeoutMs = 20_000): Promise<void> {
    await this.reloadUntil(() => expect(item.first()).toBeVisible({ timeout: 1_000 }), timeoutMs);
  }
}
