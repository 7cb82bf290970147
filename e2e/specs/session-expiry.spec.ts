// A session the BFF no longer accepts (expired, idle, logged out elsewhere, or tampered with:
// all take the same path) sends the user to sign in and then back to where they were.
import { isStageIndex } from '@devpi-dashboard/devpi-client';
import { expect, test } from '../fixtures/test.js';

test('session expiry returns the user to where they were', async ({ page, context, app, seed, signIn, topology, root }) => {
  const owner = await seed.user('expiry');
  const index = await seed.index(owner.name, 'deep');
  await signIn('root');
  await app.permissions.goto(owner.name, index.index);
  await expect(app.permissions.add).toBeVisible();

  const cookies = await context.cookies(`${topology.lbUrl}/+dashboard/`);
  const session = cookies.find((c) => c.name === 'devpi_dashboard_session');
  expect(session, 'the BFF sets its session cookie').toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  // Replace the sealed session with one the BFF cannot open, as when it has expired.
  await context.addCookies([{ ...(session ?? { name: 'devpi_dashboard_session', domain: '127.0.0.1', path: '/+dashboard' }), value: 'expired' }]);

  await app.permissions.addUploader(':AUTHENTICATED:');
  await expect(app.login.form).toBeVisible();
  await expect(page).toHaveURL(/\/\+dashboard\/login\?next=/);
  await app.login.signIn('root', topology.rootPassword);

  await expect(page).toHaveURL(new RegExp(`/indexes/${owner.name}/${index.index}/permissions$`));
  // The refused change was not applied behind the user's back; done again, it goes through.
  const acl = async () => {
    const config = await root.getIndex(owner.name, index.index, { noProjects: true });
    return config && isStageIndex(config) ? config.acl_upload : [];
  };
  expect(await acl()).not.toContain(':AUTHENTICATED:');
  await app.permissions.addUploader(':AUTHENTICATED:');
  await expect(app.permissions.uploader(':AUTHENTICATED:')).toBeVisible();
  expect(await acl()).toContain(':AUTHENTICATED:');
});
