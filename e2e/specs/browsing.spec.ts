// The browsing screens beyond the main scenario: a missing page said plainly, upload from the
// browser where the user may upload, removal with confirmation where devpi allows it, and
// neither offered where it does not.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, buildWheelAndSdist, type BuiltWheel } from '../fixtures/python.js';
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

test('uploading a wheel and its sdist from the browser makes both appear', async ({ page, app, seed, signIn, root }) => {
  const owner = await seed.user('uploader');
  const index = await seed.index(owner.name, 'dev');
  const { wheel, sdist } = await buildWheelAndSdist(uniqueName('e2e-dropped'), '1.2.0', '# dropped\n\nUploaded from the browser.\n');
  await signIn(owner);
  await app.packages.gotoIndex(owner.name, index.index);
  await page.getByLabel('Choose files to upload').setInputFiles([wheel.path, sdist.path]);
  const uploads = page.getByRole('list', { name: `Uploads to ${owner.name}/${index.index}` });
  for (const file of [wheel, sdist]) {
    await expect(uploads.getByRole('listitem').filter({ hasText: file.filename })).toContainText('Uploaded:');
  }
  await uploads.getByRole('listitem').filter({ hasText: wheel.filename }).getByRole('link', { name: `${wheel.name} 1.2.0` }).click();
  await expect(app.packages.fileRow(wheel.filename)).toBeVisible();
  await expect(app.packages.fileRow(sdist.filename)).toBeVisible();
  expect(await root.getVersion(owner.name, index.index, wheel.name, '1.2.0')).toBeDefined();
});

test('uploading to a non-volatile index again shows, for each file, what devpi said', async ({ page, app, seed, signIn }) => {
  // Three python -m build runs on a shared machine take most of the default minute.
  test.slow();
  const owner = await seed.user('reuploader');
  const index = await seed.index(owner.name, 'prod', { volatile: false });
  const name = uniqueName('e2e-twice');
  const first = await buildWheelAndSdist(name, '2.0.0', '# twice\n');
  await signIn(owner);
  await app.packages.gotoIndex(owner.name, index.index);
  const input = page.getByLabel('Choose files to upload');
  const uploads = page.getByRole('list', { name: `Uploads to ${owner.name}/${index.index}` });
  const row = (filename: string) => uploads.getByRole('listitem').filter({ hasText: filename });
  await input.setInputFiles([first.wheel.path, first.sdist.path]);
  await expect(uploads.getByRole('listitem').filter({ hasText: 'Uploaded:' })).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear finished uploads' }).click();
  // Identical files: devpi accepts them and says so (transcript 095).
  await input.setInputFiles([first.wheel.path, first.sdist.path]);
  for (const file of [first.wheel, first.sdist]) await expect(row(file.filename)).toContainText('Upload of identical file to non volatile index.');
  await page.getByRole('button', { name: 'Clear finished uploads' }).click();
  // Same names, other bytes: devpi refuses each with its reason (transcript 096).
  const second = await buildWheelAndSdist(name, '2.0.0', '# twice, changed\n');
  await input.setInputFiles([second.wheel.path, second.sdist.path]);
  for (const file of [second.wheel, second.sdist]) {
    await expect(row(file.filename)).toContainText(`Not uploaded: ${file.filename} already exists in non-volatile index`);
  }
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
