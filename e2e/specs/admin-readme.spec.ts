// The devpi admin README, done in the browser: every step an administrator used to type into a
// terminal, then the real clients (twine, pip) through nginx, and the result in the dashboard.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, pipInstall, twineUpload } from '../fixtures/python.js';
import { isStageIndex } from '@devpi-dashboard/devpi-client';
import { expect, test } from '../fixtures/test.js';

const README = `# Hello from the e2e suite

This package was built with \`python -m build\`, uploaded with **twine** through nginx and
installed with pip from the company index.

- rendered as Markdown
- with a list
`;

test('the devpi admin README, in the browser', async ({ app, topology, root, seed, rootPasswordChanged }) => {
  test.setTimeout(120_000);
  const company = uniqueName('company');
  const alice = { username: uniqueName('alice'), password: uniqueName('pw'), email: 'alice@example.com', title: 'Alice Example' };
  const bob = await seed.user('bob');
  const wheel = await buildWheel(uniqueName('e2e-hello'), '1.0.0', README);
  const newRootPassword = uniqueName('root-pw');

  await test.step('sign in as root', async () => {
    await app.login.goto();
    await app.login.signIn('root', topology.rootPassword);
    await expect(app.shell.currentUser('root')).toBeVisible();
  });

  await test.step('set a root password', async () => {
    // A fresh devpi: every root screen warns and offers the one-step fix. A root that already
    // has a password (a long-lived DEVPI_URL) changes it on its account screen instead.
    await app.users.setRootPassword(newRootPassword, topology.rootPassword === '' ? 'banner' : 'account');
    rootPasswordChanged(newRootPassword);
    // devpi is the judge: the new password works, the empty one no longer does.
    const accepts = (password: string) => root.anonymous().login('root', password).then(() => true, () => false);
    await expect.poll(() => accepts(newRootPassword)).toBe(true);
    expect(await accepts(topology.rootPassword)).toBe(false);
  });

  await test.step('create a user', async () => {
    await app.users.gotoCreate();
    await app.users.create(alice);
    seed.track(alice.username);
    await expect(app.shell.heading(alice.title)).toBeVisible();
    expect(await root.getUser(alice.username)).toMatchObject({ email: alice.email, title: alice.title });
  });

  await test.step('create root/<company> with bases=root/pypi volatile=False', async () => {
    await app.indexes.createStage({ owner: 'root', name: company, bases: ['root/pypi'], volatile: false });
    seed.track('root', company);
    await expect(app.shell.heading(new RegExp(`root/${company}`))).toBeVisible();
    expect(await root.getIndex('root', company, { noProjects: true })).toMatchObject({ type: 'stage', bases: ['root/pypi'], volatile: false });
  });

  await test.step('give the user upload permission', async () => {
    await app.permissions.goto('root', company);
    await app.permissions.addUploader(alice.username);
    await expect(app.permissions.uploader(alice.username)).toBeVisible();
    const config = await root.getIndex('root', company, { noProjects: true });
    expect(config && isStageIndex(config) ? config.acl_upload : []).toContain(alice.username);
  });

  await test.step('twine upload a real wheel as that user, through nginx', () => {
    twineUpload(topology.lbUrl, `root/${company}`, alice.username, alice.password, wheel.path);
  });

  await test.step('pip install it through nginx from the company index', async () => {
    const { output } = await pipInstall(topology.lbUrl, `root/${company}`, `${wheel.name}==1.0.0`);
    expect(output).toContain(`Successfully installed ${wheel.name}-1.0.0`);
  });

  await test.step('see it in the dashboard with its description and hashes', async () => {
    await app.packages.gotoVersion('root', company, wheel.name, '1.0.0');
    await expect(app.packages.description.getByRole('heading', { name: 'Hello from the e2e suite' })).toBeVisible();
    await expect(app.packages.description.getByRole('listitem').filter({ hasText: 'rendered as Markdown' })).toBeVisible();
    const version = await root.getVersion('root', company, wheel.name, '1.0.0');
    const sha256 = version?.['+links']?.find((link) => link.rel === 'releasefile')?.hashes?.sha256;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = app.packages.fileRow(wheel.filename);
    await expect(row.getByTitle(sha256 ?? 'missing')).toHaveText(`${sha256?.slice(0, 12)}…`);
    await expect(row.getByRole('button', { name: `Copy the sha256 of ${wheel.filename}` })).toBeVisible();
    await expect(row).toContainText(`Uploaded by ${alice.username}`);
  });

  await test.step('delete a user', async () => {
    const dialog = await app.users.startDelete(bob.name);
    await app.users.confirmDelete(dialog, bob.name);
    await expect(dialog).toBeHidden();
    expect(await root.getUser(bob.name)).toBeUndefined();
  });
});
