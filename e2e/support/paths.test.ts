import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, screenshotDir } from './paths.js';

describe('screenshotDir', () => {
  it('rewrites the committed screenshots only when UPDATE_SCREENSHOTS=1', () => {
    expect(screenshotDir({ UPDATE_SCREENSHOTS: '1' })).toBe(join(repoRoot, 'docs/screenshots'));
  });

  it('otherwise writes under e2e/test-results, which git ignores', () => {
    expect(screenshotDir({})).toBe(join(repoRoot, 'e2e/test-results/screenshots'));
    expect(screenshotDir({ UPDATE_SCREENSHOTS: '0' })).toBe(join(repoRoot, 'e2e/test-results/screenshots'));
  });

  it('follows E2E_OUTPUT_DIR like Playwright does', () => {
    expect(screenshotDir({ E2E_OUTPUT_DIR: 'run-b' })).toBe(join(repoRoot, 'e2e/run-b/screenshots'));
    expect(screenshotDir({ E2E_OUTPUT_DIR: '/tmp/e2e-out' })).toBe('/tmp/e2e-out/screenshots');
  });
});
