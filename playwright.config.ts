import { defineConfig, devices } from '@playwright/test';

// Real Chromium from the OS (Debian's `chromium`), not a Playwright download. The global setup
// starts a throwaway Yatra (PostgreSQL, Temporal, worker, web on free ports) and exports its URL as
// YATRA_E2E_BASE_URL before the test workers load this file again; set YATRA_E2E_BASE_URL
// yourself to test a Yatra that is already running.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  reporter: 'list',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  // One shared server stack on a two-core machine: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.YATRA_E2E_BASE_URL,
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  // Yatra's own specs, and the example QA suite written only against @yatra/testing/playwright.
  projects: [
    { name: 'chromium', testDir: 'e2e', use: chromium },
    { name: 'qa-suite', testDir: 'examples/qa-suite/e2e', use: chromium },
  ],
});
