import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/+dashboard/',
  plugins: [react()],
  // The manifest maps route modules to chunks for bench/bundle.bench.ts.
  build: { outDir: 'dist', sourcemap: true, manifest: true },
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
