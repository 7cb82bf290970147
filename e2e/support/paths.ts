import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (e2e/ sits directly under it). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the accessibility spec saves its screenshots. The README shows docs/screenshots, which is
 * committed, so only an explicit `UPDATE_SCREENSHOTS=1` rewrites it; an ordinary run writes next to
 * Playwright's other artifacts (E2E_OUTPUT_DIR, default e2e/test-results) and leaves git clean.
 */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UPDATE_SCREENSHOTS === '1') return join(repoRoot, 'docs/screenshots');
  const output = env.E2E_OUTPUT_DIR ?? 'test-results';
  return join(isAbsolute(output) ? output : join(repoRoot, 'e2e', output), 'screenshots');
}
