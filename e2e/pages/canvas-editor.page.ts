// Moved to the QA testing kit (testing/src/playwright/pages/); this path stays for existing specs.
export { CanvasEditorPage, type PanelTab } from '@yatra/testing/playwright';
