// The user screens beyond the main scenario: root edits someone and sets their password; a user
// changes their own password from the account link. devpi is the judge of each result.
import { expect, test } from '../fixtures/test.js';

test('root edits a user and sets their password', async ({ page, seed, signIn, root }) => {
  const user = await seed.user('edited', { email: 'before@example.com' });
  await signIn('root');
  await page.goto(`users/${encodeURIComponent(user.name)}`);
  await page.getByRole('main').getByRole('link', { name: 'Edit user' }).click();
  const form = page.getByRole('form', { name: `Edit user ${user.name}` });
  await form.getByLabel('Email').fill('after@example.com');
  await form.getByLabel('Title').fill('Edited by root');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Edited by root' })).toBeVisible();
  expect(await root.getUser(user.name)).toMatchObject({ email: 'after@example.com', title: 'Edited by root' });

  await page.getByRole('main').getByRole('link', { name: 'Change password' }).click();
  const passwordForm = page.getByRole('form', { name: `Set password for ${user.name}` });
  await passwordForm.getByLabel('New password', { exact: true }).fill('set-by-root-1');
  await passwordForm.getByLabel('Repeat new password').fill('set-by-root-1');
  await passwordForm.getByRole('button', { name: `Set password for ${user.name}` }).click();
  await expect(passwordForm.getByText('Password changed.')).toBeVisible();
  await expect(root.anonymous().login(user.name, 'set-by-root-1')).resolves.toMatchObject({ token: expect.any(String) });
});

test('a user changes their own password; two different entries are refused first', async ({ page, seed, signIn, root }) => {
  const user = await seed.user('self');
  await signIn(user);
  await page.goto('');
  await page.getByRole('banner').getByRole('link', { name: 'Change password' }).click();
  const form = page.getByRole('form', { name: 'Change my password' });
  await form.getByLabel('New password', { exact: true }).fill('mine-1');
  await form.getByLabel('Repeat new password').fill('mine-2');
  await form.getByRole('button', { name: 'Change my password' }).click();
  await expect(form.getByLabel('Repeat new password')).toHaveAccessibleDescription(/differ|match/i);
  await expect(root.anonymous().login(user.name, user.password)).resolves.toBeDefined();

  await form.getByLabel('Repeat new password').fill('mine-1');
  await form.getByRole('button', { name: 'Change my password' }).click();
  await expect(form.getByText('Password changed.')).toBeVisible();
  await expect(root.anonymous().login(user.name, 'mine-1')).resolves.toMatchObject({ token: expect.any(String) });
});
