// Moved to the QA testing kit (testing/src/playwright/pages/); this path stays for existing specs.
export { BasePage, SCREENSHOT_DIR } from '@yatra/testing/playwright';
