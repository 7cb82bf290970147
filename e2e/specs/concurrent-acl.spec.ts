// Two administrators editing the same index's upload permissions at the same moment: each change
// is one list operation (acl_upload+=name), so neither overwrites the other.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { isStageIndex } from '@devpi-dashboard/devpi-client';
import { expect, pagesFor, test } from '../fixtures/test.js';

test('concurrent ACL edits by two browser contexts lose nothing', async ({ browser, seed, topology, root }) => {
  const owner = await seed.user('shared');
  const index = await seed.index(owner.name, 'shared');
  const carol = await seed.user('carol');
  const dave = await seed.user('dave');
  const baseURL = `${topology.lbUrl}/+dashboard/`;

  const admins = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
  try {
    const pages = await Promise.all(admins.map((context) => context.newPage()));
    await Promise.all(
      pages.map(async (page) => {
        const res = await page.request.post(`${topology.lbUrl}/+dashboard/api/session`, {
          headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: topology.lbUrl },
          data: { user: 'root', password: topology.rootPassword },
        });
        expect(res.status()).toBe(200);
        await pagesFor(page).permissions.goto(owner.name, index.index);
      }),
    );
    // Both screens were loaded before either change: a full-config write would drop one of them.
    const [first, second] = pages.map((page) => pagesFor(page).permissions);
    if (!first || !second) throw new Error('two pages expected');
    await Promise.all([first.addUploader(carol.name), second.addUploader(dave.name)]);
    await expect(first.uploader(carol.name)).toBeVisible();
    await expect(second.uploader(dave.name)).toBeVisible();

    const config = await root.getIndex(owner.name, index.index, { noProjects: true });
    const acl = config && isStageIndex(config) ? config.acl_upload : [];
    expect(acl).toEqual(expect.arrayContaining([owner.name, carol.name, dave.name]));

    // After a reload each admin sees the other's change too.
    await first.page.reload();
    await expect(first.uploader(dave.name)).toBeVisible();
  } finally {
    await Promise.all(admins.map((context) => context.close()));
  }
});
