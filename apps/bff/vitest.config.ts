import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // One module registry per worker, not per file (importing every module again for each file was
    // half of the BFF suite's CPU time). Files must not leave module state behind, and vi.mock does
    // not work here: apps/web/vite.config.ts shows how to give such files a project of their own.
    isolate: false,
    // One throwaway PostgreSQL per run for the store suites (each makes its own database on it).
    globalSetup: ['src/test-support/postgres-global-setup.ts'],
    reporters: ['default', ['json', { outputFile: '../../reports/vitest-bff.json' }]],
  },
});
