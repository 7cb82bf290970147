// CI tokens (devpi-tokens) end to end, through nginx: root creates a token for a user on the Tokens
// screen, limited to one index; Debian's twine and pip then upload and install with that token only,
// an index it does not cover is refused, and after revoking it on the screen both stop working.
// Against a real devpi (DEVPI_URL) it needs the devpi-tokens plugin there.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, pipInstallWithConfig, twineUpload } from '../fixtures/python.js';
import { expect, test } from '../fixtures/test.js';
import { TokensPage } from '../pages/tokens-page.js';
import { screenshotDir } from '../support/paths.js';

/** pip configured by the PIP_INDEX_URL line of the screen's pip snippet alone (and trusted-host: plain http). */
async function pipWith(snippet: string, lbUrl: string, indexFrom: string, indexTo: string, requirement: string): Promise<string> {
  const url = /^export PIP_INDEX_URL=(\S+)$/m.exec(snippet)?.[1];
  if (url === undefined) throw new Error(`no PIP_INDEX_URL in the pip snippet:\n${snippet}`);
  const file = join(tmpdir(), `${uniqueName('pip-token')}.conf`);
  await writeFile(file, `[global]\nindex-url = ${url.replace(`/${indexFrom}/`, `/${indexTo}/`)}\ntrusted-host = ${new URL(lbUrl).hostname}\n`);
  return pipInstallWithConfig(file, requirement);
}

test('a token made on the Tokens screen uploads and installs within its index, and stops working when revoked', async ({ page, topology, request, seed, signIn, axe }) => {
  test.setTimeout(180_000);
  const plugin = await request.get(`${topology.devpiUrl}/root/+tokens`, { headers: { Accept: 'application/json' } });
  test.skip(plugin.status() !== 403, `the devpi at ${topology.devpiUrl} runs without devpi-tokens`);

  const ci = await seed.user('ci');
  const dev = await seed.index(ci.name, 'dev');
  const other = await seed.index(ci.name, 'other');
  const ours = await buildWheel(uniqueName('e2e-tok'), '1.0.0', '# uploaded with a token\n');
  const theirs = await buildWheel(uniqueName('e2e-tok-other'), '1.0.0', '# on an index the token does not cover\n');
  await seed.release(ci, other, theirs);

  // docker-compose's devpi runs with --restrict-modify root: root manages everyone's tokens
  await signIn('root');
  const tokens = new TokensPage(page);
  await tokens.goto(ci.name);
  await expect(page.getByRole('heading', { level: 1, name: `Tokens of ${ci.name}` })).toBeVisible();
  await expect(page.getByText(`${ci.name} has no tokens.`)).toBeVisible();
  await tokens.permission('Upload releases (twine upload)').check();
  await expect(tokens.permission('Download release files (pip install)')).toBeChecked();
  await tokens.addIndex(dev.stage);
  await tokens.form.getByLabel('Expires').selectOption('1d');
  await tokens.form.getByRole('button', { name: 'Create token' }).click();

  await expect(tokens.newToken).toBeVisible();
  const token = await tokens.tokenValue();
  expect(token).toMatch(/^devpi-[A-Za-z0-9_-]+$/);
  const twineSnippet = (await tokens.snippet('twine').locator('pre').textContent()) ?? '';
  expect(twineSnippet).toContain(`export TWINE_REPOSITORY_URL=${topology.lbUrl}/${dev.stage}/`);
  expect(twineSnippet).toContain(`export TWINE_PASSWORD=${token}`);
  const pipSnippet = (await tokens.snippet('pip').locator('pre').textContent()) ?? '';
  const id = (await tokens.newToken.getByRole('heading', { level: 2, name: /^Token / }).textContent())?.split(' ')[1] ?? '';
  await expect(tokens.row(id)).toContainText(dev.stage);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await axe(page), `Tokens screen (${theme})`).toEqual([]);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(screenshotDir(), `tokens-${width}-${theme}.png`), fullPage: true, animations: 'disabled' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width}px`).toBe(true);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // with the token only: twine uploads to the index it covers, pip installs from there
  expect(twineUpload(topology.lbUrl, dev.stage, ci.name, token, ours.path)).toMatch(/View at|Uploading/);
  expect(await pipWith(pipSnippet, topology.lbUrl, dev.stage, dev.stage, `${ours.name}==1.0.0`)).toContain(`Successfully installed ${ours.name}-1.0.0`);
  // ...and nowhere else: devpi refuses the upload and the file download under the other index
  expect(() => twineUpload(topology.lbUrl, other.stage, ci.name, token, ours.path)).toThrow(/403|Forbidden|denied access to index/);
  await expect(pipWith(pipSnippet, topology.lbUrl, dev.stage, other.stage, `${theirs.name}==1.0.0`)).rejects.toThrow(/403|Forbidden/);

  // "I have copied it" drops the token from the screen; revoking it ends its use
  await tokens.newToken.getByRole('button', { name: 'I have copied it' }).click();
  await expect(tokens.newToken).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await tokens.row(id).getByRole('button', { name: `Revoke token ${id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke token ${id}?` });
  await dialog.getByRole('button', { name: `Revoke token ${id}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${ci.name} has no tokens.`)).toBeVisible();

  const again = await buildWheel(ours.name, '1.0.1', '# after revoke\n');
  expect(() => twineUpload(topology.lbUrl, dev.stage, ci.name, token, again.path)).toThrow(/403|Forbidden|doesn't exist/);
  await expect(pipWith(pipSnippet, topology.lbUrl, dev.stage, dev.stage, `${ours.name}==1.0.0`)).rejects.toThrow(/403|Forbidden/);
});
