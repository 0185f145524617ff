import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Where specs save the screenshots people look at (the run's own artifacts go elsewhere). */
export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** What every Yatra page has: the header nav, a main heading, screenshots. */
export abstract class BasePage {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  navLink(name: 'Journeys' | 'Customers' | 'Outbox'): Locator {
    return this.nav.getByRole('link', { name });
  }

  protected async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Reloads until `check` passes: for server-rendered pages that show data arriving later. */
  protected async reloadUntil(check: () => Promise<void>, timeoutMs: number): Promise<void> {
    await expect(async () => {
      await this.page.reload();
      await check();
    }).toPass({ timeout: timeoutMs, intervals: [500, 1_000, 2_000] });
  }
}
