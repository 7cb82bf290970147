// Jobs through nginx: a cleanup preview lists exactly what then disappears from devpi, a copy holds
// every release and file of its source with the same sha256, a promotion lands, the job pages show
// progress and results, and the changes are in the History screen.
import type { Page } from '@playwright/test';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeWheel, makeSdist, uniqueName } from '@devpi-dashboard/devpi-sim';
import { expect, test } from '../fixtures/test.js';

async function upload(client: DevpiClient, user: string, index: string, name: string, version: string, withSdist = false) {
  for (const file of withSdist ? [makeWheel({ name, version }), makeSdist({ name, version })] : [makeWheel({ name, version })]) {
    await client.upload(user, index, { filename: file.filename, content: file.content, name, version });
  }
}

async function versions(root: DevpiClient, user: string, index: string, project: string): Promise<string[]> {
  return Object.keys((await root.getProject(user, index, project, { ignoreBases: true })) ?? {}).sort();
}

/** Waits on the job page (which polls) for the state badge, then runs what the preview shows. */
async function runPreviewed(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Preview: what the job will do' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /as previewed$/ }).click();
  await expect(page.locator('.page-header').getByText('Done', { exact: true })).toBeVisible({ timeout: 45_000 });
}

async function previewLabels(page: Page): Promise<string[]> {
  await expect(page.getByRole('heading', { name: 'Preview: what the job will do' })).toBeVisible({ timeout: 30_000 });
  return (await page.locator('td.job-item-label').allTextContents()).sort();
}

test('a cleanup preview lists exactly what then disappears from devpi, and the history has it', async ({ page, seed, signIn, root }) => {
  const owner = await seed.user('jobclean');
  const ci = await seed.index(owner.name, 'ci', { bases: [], acl_upload: [owner.name] });
  const client = await seed.clientFor(owner);
  const a = uniqueName('cl-a');
  const b = uniqueName('cl-b');
  for (const version of ['1.0', '1.1', '1.2.dev1', '2.0']) await upload(client, ci.user, ci.index, a, version, version === '1.0');
  for (const version of ['0.1', '0.2']) await upload(client, ci.user, ci.index, b, version);
  await signIn(owner);

  await page.goto('/+dashboard/jobs');
  await page.getByRole('link', { name: 'New cleanup' }).click();
  await page.getByRole('textbox', { name: 'Indexes' }).fill(ci.stage);
  await page.getByLabel('Keep the newest releases per project').fill('1');
  await page.getByRole('button', { name: 'Preview the cleanup' }).click();
  const labels = await previewLabels(page);
  expect(labels).toEqual([`${ci.stage} ${a} 1.0`, `${ci.stage} ${a} 1.1`, `${ci.stage} ${a} 1.2.dev1`, `${ci.stage} ${b} 0.1`].sort());
  await expect(page.getByText('releases to remove')).toBeVisible();
  // The list comes at once; the sizes fill in while the page polls, and none shows as 0.
  await expect(page.locator('td.job-item-bytes', { hasText: 'measuring' })).toHaveCount(0, { timeout: 30_000 });
  for (const size of await page.locator('td.job-item-bytes').allTextContents()) expect(size).toMatch(/^[1-9][\d.]* (B|KB|MB)$/);
  await expect(page.getByText('files unsized')).toBeVisible();
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  expect((await csv).suggestedFilename()).toMatch(/\.csv$/);
  // Still all there before confirming.
  expect(await versions(root, ci.user, ci.index, a)).toEqual(['1.0', '1.1', '1.2.dev1', '2.0']);

  await runPreviewed(page);
  await expect(page.getByText('4 of 4', { exact: true })).toBeVisible();
  expect(await versions(root, ci.user, ci.index, a)).toEqual(['2.0']);
  expect(await versions(root, ci.user, ci.index, b)).toEqual(['0.2']);

  await page.goto(`/+dashboard/history?index=${encodeURIComponent(ci.stage)}`);
  await expect(page.getByText('1.2.dev1').first()).toBeVisible();
});

test('a copy of an index holds every release and file of the source with the same sha256', async ({ page, seed, signIn, root }) => {
  const owner = await seed.user('jobcopy');
  const src = await seed.index(owner.name, 'src', { bases: [], acl_upload: [owner.name, 'root'], title: 'Copied ✓', description: 'source of a copy' });
  const client = await seed.clientFor(owner);
  const p = uniqueName('cp');
  for (const version of ['1.0', '1.1']) await upload(client, src.user, src.index, p, version, true);
  const target = uniqueName('copy');
  seed.track(owner.name, target);
  // This devpi lets only root create indexes (--restrict-modify root); root runs the copy.
  await signIn('root');

  await page.goto('/+dashboard/jobs/new/copy-index');
  await page.getByLabel('Copy index').fill(src.stage);
  await page.getByLabel('Into a new index').fill(`${owner.name}/${target}`);
  await page.getByRole('button', { name: 'Dry run the copy' }).click();
  expect(await previewLabels(page)).toEqual([`${p} 1.0`, `${p} 1.1`, `Create ${owner.name}/${target} (stage, bases: none)`].sort());
  await runPreviewed(page);
  await expect(page.getByText('3 of 3', { exact: true })).toBeVisible();

  expect(await root.getIndex(owner.name, target, { noProjects: true })).toEqual(await root.getIndex(src.user, src.index, { noProjects: true }));
  const files = async (index: string) =>
    Object.entries((await root.getProject(owner.name, index, p, { ignoreBases: true })) ?? {})
      .flatMap(([version, data]) => (data['+links'] ?? []).map((link) => `${version} ${link.rel} ${decodeURIComponent(link.href.split('/').pop() ?? '')} ${link.hashes?.['sha256'] ?? ''}`))
      .sort();
  expect(await files(target)).toEqual(await files(src.index));
  expect((await files(target)).length).toBe(4);
});

test('a promotion lands on the target index, and the job page shows each result', async ({ page, seed, signIn, root }) => {
  const owner = await seed.user('jobpromo');
  const dev = await seed.index(owner.name, 'dev', { bases: [], acl_upload: [owner.name] });
  const prod = await seed.index(owner.name, 'prod', { bases: [], acl_upload: [owner.name] });
  const client = await seed.clientFor(owner);
  const p = uniqueName('pr');
  await upload(client, dev.user, dev.index, p, '3.0');
  await upload(client, dev.user, dev.index, p, '3.1');
  await signIn(owner);

  await page.goto('/+dashboard/jobs/new/promote');
  await page.getByLabel('From index').fill(dev.stage);
  await page.getByLabel('To index').fill(prod.stage);
  await page.getByRole('textbox', { name: 'Releases' }).fill(`${p}==3.1`);
  await page.getByRole('button', { name: 'Preview the promotion' }).click();
  expect(await previewLabels(page)).toEqual([`${p} 3.1`]);
  await runPreviewed(page);
  await expect(page.locator('td').getByText('done', { exact: true })).toBeVisible();
  expect(await versions(root, prod.user, prod.index, p)).toEqual(['3.1']);

  await page.goto('/+dashboard/jobs');
  await expect(page.getByRole('link', { name: new RegExp(`Promote ${p} 3.1`) })).toBeVisible();
});
