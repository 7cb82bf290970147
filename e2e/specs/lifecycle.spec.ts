// Lifecycle work as a user does it, through nginx: a permission change across indexes and users
// from a CSV run as jobs and land on devpi, the storage report counts the bytes of uploaded
// files, a project goes with all its releases, and every change is in the History screen.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel } from '../fixtures/python.js';
import { expect, test } from '../fixtures/test.js';

/** From the job page: wait for the preview, confirm it, wait for the end. */
async function runPreviewedJob(page: Page) {
  const run = page.getByRole('button', { name: /^Run \d+ items? as previewed$/ });
  await run.click();
  await expect(run).toBeHidden();
  // Cancel is offered until the job has finished.
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Items finished' })).toHaveAttribute('aria-valuenow', /[1-9]/);
}

async function historyShows(page: Page, filter: string, action: string, target: string) {
  await page.goto(`history?${filter}`);
  const rows = page.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: action }).filter({ hasText: target });
  await expect(rows.first()).toBeVisible();
}

test('a permission change across indexes lands on devpi and is in the history', async ({ page, seed, signIn, root }) => {
  const owner = await seed.user('aclowner');
  const bob = await seed.user('aclbob');
  const one = await seed.index(owner.name, 'one', { acl_upload: [owner.name] });
  const two = await seed.index(owner.name, 'two', { acl_upload: [owner.name, bob.name] });
  // The suite's devpi runs with --restrict-modify root, as a locked-down server would: only root changes indexes.
  await signIn('root');
  await page.goto('jobs/new/bulk-acl');
  await page.getByLabel('Who').fill(bob.name);
  await page.getByRole('textbox', { name: 'Indexes' }).fill(`${one.stage}\n${two.stage}`);
  await page.getByRole('button', { name: 'Preview the change' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the permission change' });
  await expect(preview.getByRole('row').filter({ hasText: one.stage })).toContainText('will change');
  await expect(preview.getByRole('row').filter({ hasText: two.stage })).toContainText('already so');
  await page.getByRole('button', { name: 'Run as a job (1 index change)' }).click();
  await runPreviewedJob(page);
  await expect.poll(async () => (await root.getIndex(owner.name, one.index))?.['acl_upload']).toEqual([owner.name, bob.name]);
  expect((await root.getIndex(owner.name, two.index))?.['acl_upload']).toEqual([owner.name, bob.name]);
  await historyShows(page, `index=${encodeURIComponent(one.stage)}`, 'acl.add', one.stage);
});

test('users from a CSV are created, say why a row failed, and log in with the passwords shown once', async ({ page, seed, signIn, topology }) => {
  const first = uniqueName('csvuser');
  const second = uniqueName('csvuser');
  seed.track(first);
  seed.track(second);
  await signIn('root');
  await page.goto('jobs/new/users-csv');
  await page.getByLabel('CSV text').fill(`name,email,title\n${first},${first}@example.com,Dr\nbad name,,\n${second},,\n`);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the users' });
  await expect(preview.getByRole('row').filter({ hasText: 'bad name' })).toContainText("contains characters that aren't allowed");
  await page.getByRole('button', { name: 'Create 2 users as a job' }).click();
  await runPreviewedJob(page);
  await page.getByRole('button', { name: 'Show and download the passwords' }).click();
  const table = page.getByRole('table', { name: 'Generated passwords' });
  const passwordOf = async (name: string) => (await table.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1).textContent()) ?? '';
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the passwords (CSV)' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  for (const name of [first, second]) {
    const password = await passwordOf(name);
    expect(csv).toContain(`${name},${password}`);
    const login = await new DevpiClient({ baseUrl: topology.devpiUrl }).login(name, password);
    expect(login.token).toBeTruthy();
  }
  // Taken once: a reload shows none waiting.
  await page.reload();
  await expect(page.getByText(/No passwords are waiting/)).toBeVisible();
  await historyShows(page, `user=${encodeURIComponent(first)}`, 'user.create', first);
});

test('the storage report shows the bytes of uploaded files and a project is deleted with all its releases', async ({ page, seed, signIn, root }) => {
  test.slow();
  const owner = await seed.user('storeowner');
  const index = await seed.index(owner.name, 'dev', { acl_upload: [owner.name] });
  const name = uniqueName('e2e-sized');
  const wheels = [await buildWheel(name, '1.0.0', '# one\n', 20_000), await buildWheel(name, '2.0.0', '# two\n', 50_000)];
  for (const wheel of wheels) await seed.release(owner, index, wheel);
  const bytes = (await Promise.all(wheels.map(async (w) => (await readFile(w.path)).length))).reduce((a, b) => a + b, 0);
  await signIn(owner);
  await page.goto(`jobs/new/storage-report?indexes=${encodeURIComponent(index.stage)}`);
  await page.getByRole('button', { name: 'Plan the storage report' }).click();
  await runPreviewedJob(page);
  await page.goto('storage');
  const row = page.getByRole('table', { name: 'Size of each index' }).getByRole('row').filter({ hasText: index.stage });
  const expected = `${(bytes / 1024).toFixed(1)} KB`;
  await expect(row).toContainText(expected);
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  await page.goto(`browse/${encodeURIComponent(owner.name)}/${encodeURIComponent(index.index)}`);
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Storage', level: 2 }) });
  await expect(card).toContainText(`${expected} in 2 files`);

  await page.goto(`browse/${encodeURIComponent(owner.name)}/${encodeURIComponent(index.index)}/${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: 'Delete project' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/to confirm/).fill(name);
  await dialog.getByRole('button', { name: `Delete project ${name}` }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => root.getProject(owner.name, index.index, name)).toBeUndefined();
  await historyShows(page, `project=${encodeURIComponent(name)}`, 'project.remove', name);
});
