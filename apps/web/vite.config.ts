import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { codeSplitting } from './vite/chunk-groups';
import { inlineCss } from './vite/inline-css';
import { precompress } from './vite/precompress';
import { preloadApp } from './vite/preload-app';

/** Test files that vi.mock a module: they run isolated (below). */
const src = fileURLToPath(new URL('./src/', import.meta.url));
const mockingFiles = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file) && readFileSync(join(src, file), 'utf8').includes('vi.mock('))
  .map((file) => `src/${file.split(sep).join('/')}`);

export default defineConfig(({ isSsrBuild }) => ({
  base: '/+dashboard/',
  plugins: isSsrBuild ? [react()] : [react(), preloadApp(), inlineCss(), precompress()],
  // The server entry (src/entry-server.tsx, `vite build --ssr`) carries every dependency with it:
  // the BFF runs it with its own node_modules, which have none of the SPA's packages.
  ssr: { noExternal: true, target: 'node' },
  build: isSsrBuild
    ? { outDir: 'dist-server', sourcemap: true, emptyOutDir: true, copyPublicDir: false, rolldownOptions: { output: { codeSplitting: false } } }
    : {
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
    reporters: ['default', ['json', { outputFile: '../../reports/vitest-web.json' }]],
    projects: [
      // One module registry and one jsdom per worker, not per file: setting them up again for every
      // file was more than half of this suite's time. Files must not leave module state behind.
      { extends: true, test: { name: 'shared', include: ['src/**/*.test.{ts,tsx}'], exclude: mockingFiles, isolate: false } },
      // vi.mock replaces a module for one file, so those files get a registry of their own.
      { extends: true, test: { name: 'isolated', include: mockingFiles } },
    ],
  },
}));
