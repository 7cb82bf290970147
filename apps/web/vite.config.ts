import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { codeSplitting } from './vite/chunk-groups';
import { precompress } from './vite/precompress';

export default defineConfig({
  base: '/+dashboard/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The manifest maps route modules to chunks for bench/bundle.bench.ts.
    manifest: true,
    // One stylesheet: the per-chunk CSS files were each a request of their own, for about 2 KB in all.
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting } },
  },
  server: {
    proxy: { '/+dashboard/api': { target: process.env.BFF_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', ['json', { outputFile: '../../reports/vitest-web.json' }]],
  },
});
