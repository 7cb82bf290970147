// The index screens beyond the main scenario: devpi's refusal shown in place, deletion blocked
// with its reason where devpi would refuse, and done after a typed confirmation where it would not.
import { expect, test } from '../fixtures/test.js';

test('creating an index whose name is taken shows devpi\'s answer and keeps the form', async ({ app, seed, signIn }) => {
  const owner = await seed.user('ixdup');
  const existing = await seed.index(owner.name, 'dup');
  await signIn('root');
  await app.indexes.createStage({ owner: owner.name, name: existing.index, bases: [], volatile: true });
  await expect(app.indexes.createForm.getByText(/exists/i)).toBeVisible();
  await expect(app.indexes.createForm.getByLabel('Index name')).toHaveValue(existing.index);
});

test('a non-volatile index cannot be deleted, and the screen says why', async ({ page, app, seed, signIn, root }) => {
  const owner = await seed.user('ixlock');
  const index = await seed.index(owner.name, 'release', { volatile: false });
  await signIn('root');
  await app.indexes.gotoDetail(owner.name, index.index);
  await expect(page.getByRole('button', { name: `Delete index ${index.stage}` })).toBeDisabled();
  await expect(app.shell.main.getByText(/does not delete non-volatile indexes/)).toBeVisible();
  expect(await root.getIndex(owner.name, index.index, { noProjects: true })).toBeDefined();
});

test('a volatile index is deleted only after its name is typed', async ({ page, app, seed, signIn, root }) => {
  const owner = await seed.user('ixdel');
  const index = await seed.index(owner.name, 'scratch');
  await signIn('root');
  await app.indexes.gotoDetail(owner.name, index.index);
  await page.getByRole('button', { name: `Delete index ${index.stage}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete index ${index.stage}?` });
  const confirm = dialog.getByRole('button', { name: `Delete index ${index.stage}` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${index.stage} to confirm`).fill(index.stage);
  await confirm.click();
  await expect(page).toHaveURL(/\/\+dashboard\/indexes$/);
  expect(await root.getIndex(owner.name, index.index)).toBeUndefined();
});
