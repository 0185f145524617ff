// Moved to the QA testing kit (testing/src/playwright/pages/); this path stays for existing specs.
export { TimelinePage, type TimelineKind } from '@yatra/testing/playwright';
