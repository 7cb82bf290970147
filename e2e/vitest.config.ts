import { defineConfig } from 'vitest/config';

// vitest runs only the deployment checks; the browser suite is Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['deploy/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '../reports/deploy.json' }]],
  },
});
