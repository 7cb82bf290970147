// The signed-in landing page arrives rendered by the BFF, through nginx as in compose: its figures
// are in the HTML (a browser without JavaScript shows them), the SPA takes the answers that came
// with the page instead of asking again, and then works as ever.
import { expect, test } from '../fixtures/test.js';

const LANDING_API = ['/+dashboard/api/session', '/+dashboard/api/config', '/+dashboard/api/indexes', '/+dashboard/api/users?limit=1', '/+dashboard/api/devpi/+status', '/+dashboard/api/supply/guard'];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the landing page shows who is signed in and every figure, with working links', async ({ page, signIn, request, topology, rootSession }) => {
    await signIn('root');
    const cookie = rootSession.map((c) => `${c.name}=${c.value}`).join('; ');
    const indexes = (await (await request.get(`${topology.lbUrl}/+dashboard/api/indexes`, { headers: { Cookie: cookie, 'X-Devpi-Dashboard': '1' } })).json()) as { total: number };
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, root');
    const figure = (label: string) => page.locator('.stat', { hasText: label }).locator('.stat-value');
    await expect(figure('Indexes')).toHaveText(String(indexes.total));
    for (const label of ['Users', 'Serial', 'Role']) await expect(figure(label)).not.toHaveText('…');
    // Plain links: without the SPA they are ordinary page loads.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indexes' }).click();
    await expect(page).toHaveURL(/\/\+dashboard\/indexes$/);
  });
});

test('the SPA takes the answers the page came with and asks for none of them again', async ({ page, signIn }) => {
  await signIn('root');
  const asked: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/+dashboard/api/')) asked.push(`${url.pathname}${url.search}`);
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const document = await page.goto('./');
  expect(document?.headers()['cache-control']).toBe('private, no-store');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, root');
  // Interactive once the SPA runs: the menu, the theme toggle and client-side navigation.
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  await page.locator('.stat', { hasText: 'Indexes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indexes');
  expect(asked.filter((url) => LANDING_API.includes(url))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a theme chosen in the SPA is the one the next server-rendered page paints in', async ({ page, signIn }) => {
  await signIn('root');
  await page.goto('./');
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await toggle.click();
  const chosen = await page.locator('html').getAttribute('data-theme');
  expect(chosen).toMatch(/^(light|dark)$/);
  const next = await page.request.get('./', { headers: { Accept: 'text/html' } });
  expect(await next.text()).toContain(`<html data-theme="${chosen}"`);
});
