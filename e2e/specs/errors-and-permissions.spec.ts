// devpi's refusals reach the user in plain words, next to what failed, and the form keeps what
// was typed; what a user may not do is refused by devpi and shown as such.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, twineUpload } from '../fixtures/python.js';
import { isStageIndex } from '@devpi-dashboard/devpi-client';
import { expect, test } from '../fixtures/test.js';

test.describe('errors are shown', () => {
  test('a wrong password on the sign-in screen', async ({ app, seed }) => {
    const user = await seed.user('wrongpw');
    await app.login.goto();
    await app.login.signIn(user.name, 'not-the-password');
    await expect(app.login.form.getByText('Wrong user name or password.')).toBeVisible();
    await expect(app.login.userName).toHaveValue(user.name);
  });

  test('creating a user whose name is taken keeps the form as typed', async ({ app, seed, signIn }) => {
    const existing = await seed.user('taken');
    await signIn('root');
    await app.users.gotoCreate();
    const attempt = { username: existing.name, password: 'secret-1', email: 'someone@example.com' };
    await app.users.create(attempt);
    await expect(app.users.createForm.getByText(/already exists/i)).toBeVisible();
    await expect(app.users.createForm.getByLabel('Username')).toHaveValue(existing.name);
    await expect(app.users.createForm.getByLabel('Email')).toHaveValue(attempt.email);
  });

  test('devpi naming rules are checked before anything is sent', async ({ app, signIn, root }) => {
    await signIn('root');
    await app.users.gotoCreate();
    const bad = `bad!${uniqueName('name')}`;
    await app.users.create({ username: bad, password: 'secret-1' });
    await expect(app.users.createForm.getByLabel('Username')).toHaveAccessibleDescription(/aren't allowed|not allowed/i);
    expect(await root.getUser(bad)).toBeUndefined();
  });

  test('deleting a user who owns a non-volatile index is blocked, with the reason', async ({ app, seed, signIn, root }) => {
    const owner = await seed.user('owner');
    const index = await seed.index(owner.name, 'prod', { volatile: false });
    await signIn('root');
    await app.users.gotoDetail(owner.name);
    await expect(app.shell.main.getByText(index.index).first()).toBeVisible();
    await expect(app.shell.alert(/cannot be deleted/i)).toBeVisible();
    expect(await root.getUser(owner.name)).toBeDefined();
  });
});

test.describe('permissions are refused', () => {
  test('an ordinary user cannot edit someone else: devpi refuses and the screen says so', async ({ page, seed, signIn, root }) => {
    const user = await seed.user('plain');
    const other = await seed.user('other', { email: 'other@example.com' });
    await signIn(user);
    await page.goto(`users/${encodeURIComponent(other.name)}/edit`);
    const form = page.getByRole('form', { name: `Edit user ${other.name}` });
    await form.getByLabel('Email').fill('hijacked@example.com');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('alert')).toContainText(/devpi refused/i);
    await expect(form.getByLabel('Email')).toHaveValue('hijacked@example.com');
    expect(await root.getUser(other.name)).toMatchObject({ email: 'other@example.com' });
  });

  test('twine upload by a user outside acl_upload is refused through nginx', async ({ topology, seed }) => {
    const owner = await seed.user('acl');
    const outsider = await seed.user('outsider');
    const index = await seed.index(owner.name, 'dev');
    const wheel = await buildWheel(uniqueName('e2e-denied'), '0.1.0', '# denied\n');
    expect(() => twineUpload(topology.lbUrl, index.stage, outsider.name, outsider.password, wheel.path)).toThrow(/403/);
  });

  test('an ordinary user sees the permission editor refuse changes to an index they do not own', async ({ app, seed, signIn, root }) => {
    const owner = await seed.user('ixowner');
    const other = await seed.user('other');
    const index = await seed.index(owner.name, 'team');
    await signIn(other);
    await app.permissions.goto(owner.name, index.index);
    await app.permissions.addUploader(other.name);
    await expect(app.shell.alert(/permission|denied|not allowed|forbidden/i)).toBeVisible();
    const config = await root.getIndex(owner.name, index.index, { noProjects: true });
    expect(config && isStageIndex(config) ? config.acl_upload : []).not.toContain(other.name);
  });
});
