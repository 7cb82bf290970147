// devpi going away in the middle of a session, as the browser sees it: the BFF's JSON 502 for
// every call but the session (the topology's devpi cannot be stopped from a test, so the
// BFF's documented answer is played back; the BFF side is covered by faults-*.test.ts).
import { expect, test } from '../fixtures/test.js';

const unavailable = { error: { code: 'devpi_unavailable', message: 'devpi cannot be reached right now. Try again in a moment.', status: 502 } };

test('devpi away mid-session: the screen says so, and the app works again once devpi is back', async ({ page, app, signIn }) => {
  await signIn('root');
  await page.goto('users');
  await expect(app.shell.heading(/users/i)).toBeVisible();

  await page.route('**/+dashboard/api/**', (route) =>
    route.request().url().includes('/api/session') ? route.continue() : route.fulfill({ status: 502, json: unavailable }),
  );
  await app.shell.navLink('Indexes').click();
  await expect(app.shell.main.getByRole('alert').filter({ hasText: /devpi cannot be reached/i })).toBeVisible();
  // Still signed in: the outage is not mistaken for a lost session.
  await expect(app.shell.currentUser('root')).toBeVisible();
  await expect(page).not.toHaveURL(/login/);

  await page.unroute('**/+dashboard/api/**');
  await app.shell.navLink('Indexes').click();
  await expect(app.shell.heading(/indexes/i)).toBeVisible();
  await expect(app.shell.main.getByRole('alert').filter({ hasText: /devpi cannot be reached/i })).toHaveCount(0);
});
