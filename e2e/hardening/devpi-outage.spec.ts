// devpi going away in the middle of a session, as the browser sees it: the BFF's JSON 502 for
// every call but the session (the topology's devpi cannot be stopped from a test, so the
// BFF's documented answer is played back; the BFF side is covered by faults-*.test.ts).
import { errorCodes } from '@devpi-dashboard/dashboard-api';
import { expect, test } from '../fixtures/test.js';

const unavailable = { error: { code: errorCodes.devpiUnavailable, message: 'devpi cannot be reached right now. Try again in a moment.', status: 502 } };

test('devpi away mid-session: the screen says so, and recovers on its own, without navigating, once devpi is back', async ({ page, app, signIn }) => {
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

  // The screen says who is not answering and offers to try again, but needs no help: once devpi
  // is back it retries on its own and the screen appears where the user is, without navigating.
  await expect(app.shell.heading('devpi is not answering')).toBeVisible();
  await expect(app.shell.main.getByRole('button', { name: 'Try again' })).toBeVisible();
  const outageUrl = page.url();
  await page.unroute('**/+dashboard/api/**');
  await expect(app.shell.heading(/indexes/i)).toBeVisible({ timeout: 20_000 });
  expect(page.url()).toBe(outageUrl);
  await expect(app.shell.main.getByRole('alert').filter({ hasText: /devpi cannot be reached/i })).toHaveCount(0);
});
