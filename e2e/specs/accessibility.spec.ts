// Every main screen, in the light and the dark theme: no serious or critical axe violations,
// and a screenshot of each (<screen>-<theme>.png). They go to docs/screenshots, which the README
// shows, only with UPDATE_SCREENSHOTS=1; otherwise to e2e/test-results/screenshots (see screenshotDir).
import { join } from 'node:path';
import { expect, screens, settled, test } from '../fixtures/showcase.js';
import { screenshotDir } from '../support/paths.js';

// A common desktop size for the README's screenshots.
test.use({ viewport: { width: 1440, height: 900 } });

for (const screen of screens) {
  test(`${screen.name}: no serious axe violations in light and dark, screenshots saved`, async ({ page, showcase, signIn, axe }) => {
    if (screen.signedIn) await signIn('root');
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(screen.path(showcase));
      await settled(page);
      expect(await axe(page), `${screen.name} (${theme})`).toEqual([]);
      await page.screenshot({ path: join(screenshotDir(), `${screen.name}-${theme}.png`), fullPage: true, animations: 'disabled' });
    }
  });
}
