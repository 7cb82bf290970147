// Replicas share SESSION_SECRET and the store: signing out through one replica ends the session on
// every replica, also for a copy of the cookie taken before (another tab, or a thief).
import { CSRF_HEADER, CSRF_HEADER_VALUE, errorBodySchema } from '@devpi-dashboard/dashboard-api';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';

/** The copied cookie is sent explicitly: a 401 clears it from a jar, and then the next GET is anonymous. */
async function sessionStatuses(request: APIRequestContext, lbUrl: string, cookie: string, times: number): Promise<Set<number>> {
  const statuses = new Set<number>();
  for (let i = 0; i < times; i += 1) statuses.add((await request.get(`${lbUrl}/+dashboard/api/session`, { headers: { Cookie: cookie } })).status());
  return statuses;
}

test('signing out on one replica ends the session on the other', async ({ page, browser, playwright, app, topology }) => {
  expect(topology.replicaPids.length).toBeGreaterThanOrEqual(2);
  // A session of its own: the run's shared root session (signIn('root')) must outlive this sign-out.
  const login = await page.request.post(`${topology.lbUrl}/+dashboard/api/session`, {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: topology.lbUrl },
    data: { user: 'root', password: topology.rootPassword },
  });
  expect(login.status(), await login.text()).toBe(200);
  // A second browser window holding a copy of the same cookie.
  const other = await browser.newContext({ baseURL: `${topology.lbUrl}/+dashboard/` });
  const api = await playwright.request.newContext();
  try {
    const cookies = await page.context().cookies();
    await other.addCookies(cookies);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // nginx rotates over both replicas: twenty requests reach each (all on one: 2^-19).
    expect(await sessionStatuses(api, topology.lbUrl, cookie, 20)).toEqual(new Set([200]));

    await page.goto('users');
    await expect(app.shell.heading('Users')).toBeVisible();
    await app.shell.signOut.click();
    await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();

    expect(await sessionStatuses(api, topology.lbUrl, cookie, 20)).toEqual(new Set([401]));
    const refused = await api.get(`${topology.lbUrl}/+dashboard/api/session`, { headers: { Cookie: cookie } });
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe('session_expired');
    const otherPage = await other.newPage();
    await otherPage.goto('users');
    await expect(otherPage.getByRole('form', { name: 'Sign in' })).toBeVisible();
  } finally {
    await api.dispose();
    await other.close();
  }
});
