import type { Locator } from '@playwright/test';
import { BasePage } from './base-page';

/** /journeys: the table of journeys. */
export class JourneysPage extends BasePage {
  get rows(): Locator {
    return this.page.getByTestId('journey-row');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('status-badge');
  }

  async open(): Promise<void> {
    await this.goto('/journeys');
  }

  async openJourney(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await this.page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
  }
}
