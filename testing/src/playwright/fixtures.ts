// The Playwright fixture: every page object plus `api` (typed seeding through the HTTP API).
// QA suites import `test` and `expect` from here instead of from @playwright/test.
import { test as base, expect } from '@playwright/test';
import { YatraApi } from './api';
import { CanvasEditorPage } from './pages/canvas-editor.page';
import { InspectorPage } from './pages/inspector.page';
import { JourneysPage } from './pages/journeys-page';
import { OutboxPreviewsPage } from './pages/outbox-previews';
import { PalettePage } from './pages/palette.page';
import { SimulatePanelPage } from './pages/simulate-panel.page';
import { TimelinePage } from './pages/timeline-page';

export interface YatraFixtures {
  api: YatraApi;
  journeysPage: JourneysPage;
  canvasEditor: CanvasEditorPage;
  palette: PalettePage;
  inspector: InspectorPage;
  simulatePanel: SimulatePanelPage;
  timelinePage: TimelinePage;
  /** The outbox, with each channel's preview and the sends the rules stopped. */
  outboxPage: OutboxPreviewsPage;
}

/**
 * `test` with Yatra's fixtures.
 * @example
 * test('COD confirmation', async ({ api, timelinePage }) => {
 *   await api.placeOrder('c1', 'o-1', 'cod');
 *   await timelinePage.open('c1');
 *   await timelinePage.waitFor(timelinePage.message('order_confirmation'));
 * });
 */
export const test = base.extend<YatraFixtures>({
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
    await use(new OutboxPreviewsPage(page));
  },
});

export { expect };
