// At phone width (390 px): every main screen without sideways page scroll (both themes when the
// committed screenshots are rewritten, the light one otherwise), with a screenshot of each
// (<screen>-phone-<theme>.png, saved like the accessibility spec's: docs/screenshots only with
// UPDATE_SCREENSHOTS=1); the menu button opens the navigation;
// the root-password banner folds. Then the screens a 300-character user, index and project name
// (devpi accepts them) reach, at 390 and 1440 px: the name wraps or ends in an ellipsis with the
// full name in its title, and the controls next to it stay clickable.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { expect, screens, settled, test } from '../fixtures/showcase.js';
import { screenshotDir } from '../support/paths.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** Exactly as long as the names: uniqueName adds a dash and 8 hex digits. */
const NAME_LENGTH = 300;
const long = (stem: string): string => `${stem}${'n'.repeat(NAME_LENGTH - stem.length - 9)}`;

test.use({ viewport: PHONE });

/** How far the page scrolls sideways: 0 when nothing sticks out. */
async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * What a pointer at the centre of `target` would hit: "itself" when that is `target` or inside it,
 * otherwise the tag and class of whatever covers it.
 */
async function hitAtCentre(target: Locator): Promise<string> {
  await target.scrollIntoViewIfNeeded();
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (hit !== null && (hit === element || element.contains(hit))) return 'itself';
    return hit === null ? 'nothing' : `${hit.tagName.toLowerCase()}.${String(hit.className)}`;
  });
}

/**
 * A long name holds: inside the viewport, and either shown whole (wrapped) or cut with an ellipsis
 * whose full text is in its title, which is what hover shows.
 */
async function expectNameHolds(page: Page, name: Locator, full: string): Promise<void> {
  await expect(name).toBeVisible();
  const { right, clipped, title } = await name.evaluate((element) => ({
    right: element.getBoundingClientRect().right,
    clipped: element.scrollWidth > element.clientWidth + 1,
    title: element.getAttribute('title') ?? element.closest('[title]')?.getAttribute('title') ?? null,
  }));
  const width = page.viewportSize()?.width ?? 0;
  expect(right, `${full.slice(0, 20)}… ends inside the ${width} px viewport`).toBeLessThanOrEqual(width + 0.5);
  if (clipped) expect(title, 'a clipped name carries the full name in its title').toBe(full);
  await expect(name).toContainText(full.slice(0, 12));
}

// Both themes lay out alike, so an ordinary run checks the light one; rewriting the committed
// screenshots (UPDATE_SCREENSHOTS=1) shoots and checks both. The accessibility spec runs both at 1440.
const phoneThemes = process.env.UPDATE_SCREENSHOTS === '1' ? (['light', 'dark'] as const) : (['light'] as const);

for (const screen of screens) {
  test(`${screen.name} at 390 px: no sideways scroll, screenshots saved`, async ({ page, showcase, signIn }) => {
    if (screen.signedIn) await signIn('root');
    for (const theme of phoneThemes) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(screen.path(showcase));
      await settled(page);
      await page.screenshot({ path: join(screenshotDir(), `${screen.name}-phone-${theme}.png`), fullPage: true, animations: 'disabled' });
      expect(await sidewaysScroll(page), `${screen.name} (${theme}) scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
}

test('the menu button opens the navigation at 390 px and a navigation folds it again', async ({ page, signIn, app }) => {
  await signIn('root');
  await page.goto('');
  await settled(page);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(app.shell.navLink('Server status')).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  // Every item fits: the last one too, which the clipped strip used to hide off-screen.
  for (const item of ['Overview', 'Indexes', 'Users', 'Search packages', 'Server status']) await expect(app.shell.navLink(item)).toBeInViewport();
  expect(await hitAtCentre(app.shell.navLink('Server status'))).toBe('itself');
  await app.shell.navLink('Server status').click();
  await expect(app.shell.heading('Server status')).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(app.shell.navLink('Server status')).toBeHidden();
  // On a desktop the navigation is always there and there is no menu button.
  await page.setViewportSize(DESKTOP);
  await expect(menu).toBeHidden();
  await expect(app.shell.navLink('Server status')).toBeVisible();
});

test('the root-password banner folds to one line and stays folded', async ({ page, signIn, topology }) => {
  test.skip(topology.rootPassword !== '', 'devpi root has a password here, so there is no banner to fold');
  await signIn('root');
  await page.goto('');
  await settled(page);
  const banner = page.getByRole('alert').filter({ hasText: 'root has no password' });
  await expect(banner.getByRole('button', { name: 'Set root password' })).toBeVisible();
  const open = (await banner.boundingBox())?.height ?? 0;
  await banner.getByRole('button', { name: 'Hide' }).click();
  await expect(banner.getByRole('button', { name: 'Set root password' })).toHaveCount(0);
  const folded = (await banner.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
  expect(folded).toBeLessThan(open / 2);
  expect(folded).toBeLessThanOrEqual(80);
  // Remembered: the next screen, and the next visit, show it folded.
  await page.reload();
  await settled(page);
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Set a password' })).toHaveAttribute('aria-expanded', 'false');
  await banner.getByRole('button', { name: 'Set a password' }).click();
  await expect(banner.getByRole('button', { name: 'Set root password' })).toBeVisible();
});

test.describe('300-character names', () => {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`a 300-character user, index and project hold every screen at ${viewport.width} px`, async ({ page, seed, root, signIn }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      const owner = await seed.user(long('longuser'));
      const stage = await seed.index(owner.name, long('longindex'), { bases: [], acl_upload: [owner.name] });
      const project = uniqueName(long('long-project'));
      expect([owner.name.length, stage.index.length, project.length]).toEqual([NAME_LENGTH, NAME_LENGTH, NAME_LENGTH]);
      await (await seed.clientFor(owner)).register(owner.name, stage.index, { name: project, version: '1.0', metadata: { summary: 'A project with a 300-character name' } });
      expect(await root.getProject(owner.name, stage.index, project)).toBeDefined();
      await signIn('root');
      const seg = encodeURIComponent;
      const check = async (path: string, what: string, name: Locator, full: string) => {
        await page.goto(path);
        await settled(page);
        expect(await sidewaysScroll(page), `${what} scrolls sideways`).toBeLessThanOrEqual(0);
        await expectNameHolds(page, name, full);
      };
      const main = page.getByRole('main');
      const userLink = (name: string) => main.getByRole('link', { name, exact: true }).first();

      await check(`users?q=${seg(owner.name)}`, 'users list', userLink(owner.name), owner.name);
      expect(await hitAtCentre(userLink(owner.name)), 'the user link in the users list is clickable').toBe('itself');
      await check(`users/${seg(owner.name)}`, 'user page', page.getByRole('heading', { level: 1 }), owner.name);
      await check(`indexes/${seg(owner.name)}/${seg(stage.index)}`, 'index page', page.getByRole('heading', { level: 1 }), stage.stage);
      await check(`browse/${seg(owner.name)}/${seg(stage.index)}`, 'packages of the index', userLink(project), project);
      expect(await hitAtCentre(userLink(project)), 'the project link is clickable').toBe('itself');
      await check(`browse/${seg(owner.name)}/${seg(stage.index)}/${seg(project)}`, 'project page', page.getByRole('heading', { level: 1 }), project);
      await check(`browse/${seg(owner.name)}/${seg(stage.index)}/${seg(project)}/1.0`, 'version page', main.getByText(project).first(), project);

      // The matrix: the sticky user column must not cover the toggles beside it.
      await check(`permissions?q=${seg(owner.name)}`, 'permission matrix', main.getByRole('rowheader').getByRole('link', { name: owner.name, exact: true }), owner.name);
      const toggle = main.getByRole('button', { name: `Revoke upload to ${stage.stage} from ${owner.name}`, exact: true });
      await expect(toggle).toBeVisible();
      expect(await hitAtCentre(toggle), 'the toggle is what a click at its centre hits').toBe('itself');
      // Scrolled sideways inside the matrix (the page itself does not move), still the toggle.
      await main.locator('.matrix-wrap').evaluate((wrap) => wrap.scrollTo({ left: wrap.scrollWidth }));
      expect(await hitAtCentre(toggle), 'the toggle is still hit after scrolling the matrix').toBe('itself');
      await toggle.click();
      await expect(main.getByRole('button', { name: `Allow ${owner.name} to upload to ${stage.stage}`, exact: true })).toBeVisible();
      await main.getByRole('button', { name: 'Undo' }).click();
      await expect(toggle).toBeVisible();
      await expect.poll(async () => (await root.getIndex(owner.name, stage.index, { noProjects: true }))?.acl_upload).toEqual([owner.name]);
    });
  }
});
