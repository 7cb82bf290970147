// The dependency-confusion guard and the resolution explorer against devpi through nginx: a
// private project named like a mirror project shows in the guard, its fix changes devpi's
// mirror_whitelist and the simple page pip reads, and "Resolve" names the file the real pip downloads.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { resolveAnswerSchema, supplyApiPaths } from '@devpi-dashboard/dashboard-api';
import { buildWheel, pipDownload } from '../fixtures/python.js';
import { expect, test } from '../fixtures/test.js';

test('a private name on a mirror shows in the guard; the fix changes the whitelist and what pip gets', async ({ page, seed, signIn, root, topology }) => {
  test.slow();
  const owner = await seed.user('guard');
  const project = uniqueName('e2e-acme');
  const upstream = await seed.index(owner.name, 'upstream', { bases: [], acl_upload: [owner.name] });
  for (const version of ['2.5.0', '3.0.0']) await seed.release(owner, upstream, await buildWheel(project, version, `# public ${version}\n`));
  // A mirror reads its upstream list when first asked, so it comes after the uploads.
  const mirror = await seed.index(owner.name, 'mirror', { type: 'mirror', mirror_url: `${topology.devpiUrl}/${upstream.stage}/+simple/` });
  const priv = await seed.index(owner.name, 'private', { bases: [mirror.stage], acl_upload: [owner.name] });
  await seed.release(owner, priv, await buildWheel(project, '2.0.0', '# private\n'));
  const simplePage = async () => (await page.request.get(`${topology.lbUrl}/${priv.stage}/+simple/${project}/`)).text();
  const resolved = async (requirement: string) => {
    const res = await page.request.get(`${topology.lbUrl}${supplyApiPaths.resolve(priv.user, priv.index)}?requirement=${encodeURIComponent(requirement)}`);
    expect(res.status()).toBe(200);
    return resolveAnswerSchema.parse(await res.json());
  };

  await signIn('root');
  await page.goto(`${topology.lbUrl}/+dashboard/supply?index=${encodeURIComponent(priv.stage)}`);
  const findings = page.getByRole('list', { name: `Private names on ${priv.stage} that also exist on a mirror` });
  const finding = findings.getByRole('listitem').filter({ hasText: project });
  await expect(finding).toContainText('only private releases');
  await expect(finding).toContainText('newer upstream: 3.0.0');
  await expect(page.getByRole('alert').filter({ hasText: 'Warnings' })).toContainText(`${project} is private on ${priv.stage}`);
  expect(await simplePage()).not.toContain('2.5.0');

  // What Resolve says is what the real pip downloads from the same index through nginx.
  const before = await resolved(`${project}>=2,<3`);
  expect(before.steps.map((s) => s.state)).toEqual(['serves', 'blocked']);
  expect(await pipDownload(topology.lbUrl, priv.stage, `${project}>=2,<3`)).toEqual([before.pick?.filename]);

  await finding.getByRole('button', { name: `Also serve ${mirror.stage}'s releases of ${project} on ${priv.stage}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `devpi applied mirror_whitelist+=${project}` })).toBeVisible();
  expect((await root.getIndex(priv.user, priv.index))?.mirror_whitelist).toEqual([project]);
  await expect(findings.getByRole('listitem').filter({ hasText: project })).toContainText("pip gets the mirror's too");
  expect(await simplePage()).toContain(`${project.replace(/-/g, '_')}-2.5.0-py3-none-any.whl`);

  const after = await resolved(`${project}>=2,<3`);
  expect(after.pick).toMatchObject({ version: '2.5.0', servedBy: mirror.stage });
  expect(await pipDownload(topology.lbUrl, priv.stage, `${project}>=2,<3`)).toEqual([after.pick?.filename]);
  expect(await pipDownload(topology.lbUrl, priv.stage, project)).toEqual([(await resolved(project)).pick?.filename]);

  // The explorer on the same screen shows the graph and the answer for a requirement typed in.
  await page.getByLabel('Resolve on index').selectOption(priv.stage);
  await page.getByLabel('Requirement').fill(`${project}>=2,<3`);
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `pip picks ${after.pick?.filename ?? ''}` })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${mirror.stage}, mirror`) })).toBeVisible();
});
