import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // One throwaway PostgreSQL per run for the store suites (each makes its own database on it).
    globalSetup: ['src/test-support/postgres-global-setup.ts'],
    reporters: ['default', ['json', { outputFile: '../../reports/vitest-bff.json' }]],
  },
});
