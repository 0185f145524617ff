// @yatra/testing/playwright: fixtures, page objects and the API client for QA suites' own
// Playwright tests. Page objects expose sync locator getters and async gestures, and find
// elements only by `data-testid` and data attributes (docs/testing-journeys.md lists them).
export { test, expect, type YatraFixtures } from './fixtures';
export {
  YatraApi,
  YatraApiError,
  type ApiIssue,
  type CustomerSeed,
  type Json,
  type ProductSeed,
  type PublishedVersion,
} from './api';
export { BasePage, SCREENSHOT_DIR } from './pages/base-page';
export { CanvasEditorPage, type PanelTab } from './pages/canvas-editor.page';
export { InspectorPage } from './pages/inspector.page';
export { JourneysPage } from './pages/journeys-page';
export { OutboxPage } from './pages/outbox-page';
export { OutboxPreviewsPage } from './pages/outbox-previews';
export { PalettePage } from './pages/palette.page';
export { SimulatePanelPage, type ScriptedEvent } from './pages/simulate-panel.page';
export { TimelinePage, type TimelineKind } from './pages/timeline-page';
export * from '../events';
