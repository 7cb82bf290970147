import { defineConfig } from 'vitest/config';

// vitest runs the deployment checks and the support helpers' unit tests; the browser suite is
// Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['deploy/**/*.test.ts', 'support/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '../reports/deploy.json' }]],
  },
});
