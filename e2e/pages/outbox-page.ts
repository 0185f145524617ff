// Moved to the QA testing kit (testing/src/playwright/pages/); this path stays for existing specs.
export { OutboxPage } from '@yatra/testing/playwright';
export { OutboxPreviewsPage } from './outbox-previews';
