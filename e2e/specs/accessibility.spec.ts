// Every main screen, in the light and the dark theme: no serious or critical axe violations,
// and a screenshot of each (<screen>-<theme>.png). They go to docs/screenshots, which the README
// shows, only with UPDATE_SCREENSHOTS=1; otherwise to e2e/test-results/screenshots (see screenshotDir).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { Page } from '@playwright/test';
import { topologyFromEnv } from '../fixtures/env.js';
import { buildWheel } from '../fixtures/python.js';
import { Seeder } from '../fixtures/seeder.js';
import { expect, test as base } from '../fixtures/test.js';
import { screenshotDir } from '../support/paths.js';

interface Showcase {
  owner: string;
  index: string;
  project: string;
  version: string;
}

const DESCRIPTION = `# acme-widgets

Widgets for the whole company, served from **devpi** behind the dashboard.

\`\`\`python
from acme_widgets import GREETING
print(GREETING)
\`\`\`
`;

// One realistic data set for all screens, seeded once through devpi-client and removed at the end;
// a few changes go through the dashboard (as root, through nginx) so the History screens have some.
const test = base.extend<object, { showcase: Showcase }>({
  showcase: [
    async ({ rootSession }, use) => {
      const topology = topologyFromEnv();
      const client = new DevpiClient({ baseUrl: topology.devpiUrl });
      const root = client.withAuth('root', (await client.login('root', topology.rootPassword)).token);
      const seeder = new Seeder(topology.devpiUrl, root);
      const owner = await seeder.user('acme', { title: 'ACME Platform Team', email: 'platform@example.com', description: 'Owns the company indexes.' });
      const index = await seeder.index(owner.name, 'prod', { bases: ['root/pypi'], volatile: false, acl_upload: [owner.name, ':AUTHENTICATED:'], title: 'ACME production' });
      const wheel = await buildWheel(`acme-widgets-${index.index.slice(-6)}`, '2.1.0', DESCRIPTION);
      const asOwner = await seeder.clientFor(owner);
      await asOwner.upload(owner.name, index.index, {
        filename: wheel.filename,
        content: new Uint8Array(await readFile(wheel.path)),
        name: wheel.name,
        version: wheel.version,
        metadata: { summary: wheel.summary, description: DESCRIPTION, description_content_type: 'text/markdown', license: 'MIT', requires_python: '>=3.8' },
      });
      const viaDashboard = new DevpiClient({
        baseUrl: `${topology.lbUrl}/+dashboard/api/devpi`,
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: topology.lbUrl, Cookie: rootSession.map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      await viaDashboard.patchIndex(owner.name, index.index, ['acl_upload+=release-bot', 'title=ACME production (frozen)']);
      await viaDashboard.patchIndex(owner.name, index.index, ['acl_upload-=:AUTHENTICATED:']);
      await viaDashboard.modifyUser(owner.name, { email: 'platform-team@example.com' });
      await use({ owner: owner.name, index: index.index, project: wheel.name, version: wheel.version });
      await seeder.cleanup();
    },
    { scope: 'worker' },
  ],
});

// A common desktop size for the README's screenshots.
test.use({ viewport: { width: 1440, height: 900 } });

const seg = encodeURIComponent;
const screens: { name: string; path: (s: Showcase) => string; signedIn: boolean }[] = [
  { name: 'sign-in', path: () => 'login', signedIn: false },
  { name: 'overview', path: () => '', signedIn: true },
  { name: 'users', path: () => 'users', signedIn: true },
  { name: 'user', path: (s) => `users/${seg(s.owner)}`, signedIn: true },
  { name: 'create-user', path: () => 'users/+new', signedIn: true },
  { name: 'indexes', path: () => 'indexes', signedIn: true },
  { name: 'index', path: (s) => `indexes/${seg(s.owner)}/${seg(s.index)}`, signedIn: true },
  { name: 'create-index', path: () => 'indexes/+new?owner=root', signedIn: true },
  { name: 'index-permissions', path: (s) => `indexes/${seg(s.owner)}/${seg(s.index)}/permissions`, signedIn: true },
  { name: 'permission-matrix', path: () => 'permissions', signedIn: true },
  { name: 'client-config', path: (s) => `indexes/${seg(s.owner)}/${seg(s.index)}/client`, signedIn: true },
  { name: 'browse-index', path: (s) => `browse/${seg(s.owner)}/${seg(s.index)}`, signedIn: true },
  { name: 'project', path: (s) => `browse/${seg(s.owner)}/${seg(s.index)}/${seg(s.project)}`, signedIn: true },
  { name: 'version', path: (s) => `browse/${seg(s.owner)}/${seg(s.index)}/${seg(s.project)}/${seg(s.version)}`, signedIn: true },
  { name: 'search', path: (s) => `search?q=${seg(s.project)}`, signedIn: true },
  { name: 'status', path: () => 'status', signedIn: true },
  ...historyScreens(),
];

/** The History screen and the History of a user, an index and a project (also shot at 390 px). */
function historyScreens(): { name: string; path: (s: Showcase) => string; signedIn: boolean }[] {
  return [
    { name: 'history', path: () => 'history', signedIn: true },
    { name: 'user-history', path: (s) => `history?user=${seg(s.owner)}`, signedIn: true },
    { name: 'index-history', path: (s) => `indexes/${seg(s.owner)}/${seg(s.index)}/history`, signedIn: true },
    { name: 'project-history', path: (s) => `history?index=${seg(`${s.owner}/${s.index}`)}&project=${seg(s.project)}`, signedIn: true },
  ];
}

/** The screen has rendered when its h1 is there and no loading indicator is left. */
async function settled(page: Page): Promise<void> {
  // Exactly one h1, the screen's: the BFF demotes a package description's own headings below it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

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

// A phone: the History table scrolls inside its own frame, the page itself never sideways.
for (const screen of historyScreens()) {
  test(`${screen.name} at 390 px: no sideways scroll in light and dark, screenshots saved`, async ({ page, showcase, signIn }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn('root');
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(screen.path(showcase));
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen.name} (${theme}) scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshotDir(), `${screen.name}-${theme}-390.png`), fullPage: true, animations: 'disabled' });
    }
  });
}
