// Moved to the QA testing kit (testing/src/playwright/pages/); this path stays for existing specs.
export { OutboxPage, OutboxPreviewsPage } from '@yatra/testing/playwright';
