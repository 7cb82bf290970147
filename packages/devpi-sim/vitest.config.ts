import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // One module registry per worker, not per file (importing every module again for each file was
    // half of the BFF suite's CPU time). Files must not leave module state behind, and vi.mock does
    // not work here: apps/web/vite.config.ts shows how to give such files a project of their own.
    isolate: false,
    // scripts/test-all.mjs runs the transcript replays on their own first against a real devpi, into a report of their own
    reporters: ['default', ['json', { outputFile: process.env['VITEST_JSON_REPORT'] ?? '../../reports/vitest-devpi-sim.json' }]],
  },
});
