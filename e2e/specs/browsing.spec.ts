// The browsing screens beyond the main scenario: a missing page said plainly, upload from the
// browser where the user may upload, removal with confirmation where devpi allows it, and
// neither offered where it does not.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, type BuiltWheel } from '../fixtures/python.js';
import type { Seeder, SeededIndex, SeededUser } from '../fixtures/seeder.js';
import { expect, test } from '../fixtures/test.js';

/** An index owned by a fresh user, with one release uploaded by that user through devpi-client. */
async function seedRelease(seed: Seeder): Promise<{ owner: SeededUser; index: SeededIndex; wheel: BuiltWheel }> {
  const owner = await seed.user('pkgowner');
  const index = await seed.index(owner.name, 'dev');
  const wheel = await buildWheel(uniqueName('e2e-browse'), '0.3.0', '# browse\n\nA release to look at.\n');
  await seed.release(owner, index, wheel);
  return { owner, index, wheel };
}

test('a project that does not exist is said plainly', async ({ app, seed, signIn }) => {
  const owner = await seed.user('empty');
  const index = await seed.index(owner.name, 'empty');
  await signIn('root');
  await app.packages.gotoProject(owner.name, index.index, 'no-such-project');
  await expect(app.shell.heading('Not found')).toBeVisible();
});

test('uploading a wheel from the browser makes the new version appear', async ({ page, app, seed, signIn, root }) => {
  const owner = await seed.user('uploader');
  const index = await seed.index(owner.name, 'dev');
  const wheel = await buildWheel(uniqueName('e2e-dropped'), '1.2.0', '# dropped\n\nUploaded from the browser.\n');
  await signIn(owner);
  await app.packages.gotoIndex(owner.name, index.index);
  await page.getByLabel('Choose a file to upload').setInputFiles(wheel.path);
  const done = page.getByRole('status').filter({ hasText: `Uploaded ${wheel.filename}` });
  await expect(done).toBeVisible();
  await done.getByRole('link', { name: `${wheel.name} 1.2.0` }).click();
  await expect(app.packages.fileRow(wheel.filename)).toBeVisible();
  expect(await root.getVersion(owner.name, index.index, wheel.name, '1.2.0')).toBeDefined();
});

test('an uploader removes a version on a volatile index after confirming', async ({ page, app, seed, signIn, root }) => {
  const { owner, index, wheel } = await seedRelease(seed);
  await signIn(owner);
  await app.packages.gotoVersion(owner.name, index.index, wheel.name, wheel.version);
  await page.getByRole('button', { name: 'Remove version' }).click();
  const dialog = page.getByRole('dialog');
  await expect(root.getVersion(owner.name, index.index, wheel.name, wheel.version)).resolves.toBeDefined();
  await dialog.getByRole('button', { name: /^Remove/ }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => root.getVersion(owner.name, index.index, wheel.name, wheel.version)).toBeUndefined();
});

test('someone outside acl_upload is offered neither upload nor removal', async ({ page, app, seed, signIn, root }) => {
  const { owner, index, wheel } = await seedRelease(seed);
  const outsider = await seed.user('outsider');
  await signIn(outsider);
  await app.packages.gotoIndex(owner.name, index.index);
  await expect(app.shell.main.getByRole('link', { name: wheel.name })).toBeVisible();
  await expect(page.getByLabel('Choose a file to upload')).toHaveCount(0);
  await app.packages.gotoVersion(owner.name, index.index, wheel.name, wheel.version);
  await expect(app.packages.fileRow(wheel.filename)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove version' })).toHaveCount(0);
  // devpi agrees: the outsider's own attempt is refused.
  const asOutsider = await seed.clientFor(outsider);
  await expect(asOutsider.deleteVersion(owner.name, index.index, wheel.name, wheel.version)).rejects.toMatchObject({ status: 403 });
  expect(await root.getVersion(owner.name, index.index, wheel.name, wheel.version)).toBeDefined();
});
