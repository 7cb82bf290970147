import { defineConfig } from '@playwright/test';

// One worker: the main scenario changes root's password (and restores it), and every other test
// seeds as root, so they must not overlap. The whole run stays well under five minutes.
export default defineConfig({
  testDir: '.',
  testMatch: ['specs/**/*.spec.ts', 'hardening/**/*.spec.ts'],
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // Failure artifacts; E2E_OUTPUT_DIR keeps two runs in one checkout from deleting each other's.
  // The accessibility spec's screenshots land in <outputDir>/screenshots; only
  // `UPDATE_SCREENSHOTS=1 npm run test:e2e` rewrites the committed docs/screenshots (support/paths.ts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  reporter: [['list'], ['json', { outputFile: '../reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
