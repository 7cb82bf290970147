// Known vulnerabilities end to end: root uploads an OSV dump written in the OSV schema (the
// repo's fixtures), starts a scan in the browser (a job: preview, confirm, run), and the release
// the fixture marks affected is flagged on its version page and in the report.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { expect, test } from '../fixtures/test.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'bff', 'src', 'supply', 'vulns', 'fixtures', 'osv');

/** The fixtures zipped like OSV's PyPI/all.zip: one JSON document per entry. */
function writeDump(dir: string): string {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.json'))) files[name] = strToU8(readFileSync(join(FIXTURES, name), 'utf8'));
  const path = join(dir, 'all.zip');
  writeFileSync(path, zipSync(files));
  return path;
}

test('a release the OSV dump marks affected is flagged on its version page and in the report after a scan started in the browser', async ({ page, seed, signIn }) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-osv-'));
  try {
    const owner = await seed.user('vulnowner');
    const index = await seed.index(owner.name, 'prod', { bases: [] });
    const client = await seed.clientFor(owner);
    // PYSEC-2099-1 affects Acme_Widgets before 1.2.0; 1.2.0 is fixed and must not be flagged.
    for (const version of ['1.1.0', '1.2.0']) {
      const wheel = makeWheel({ name: 'Acme.Widgets', version, license: 'Proprietary' });
      await client.upload(index.user, index.index, { filename: wheel.filename, content: wheel.content, name: wheel.name, version, metadata: wheel.metadata });
    }

    await signIn('root');
    await page.goto('vulnerabilities');
    await expect(page.getByRole('heading', { name: 'Vulnerabilities', level: 1 })).toBeVisible();
    await page.getByLabel('OSV dump (PyPI/all.zip)').setInputFiles(writeDump(dir));
    await page.getByRole('button', { name: 'Upload dump' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 4 PyPI entries' })).toBeVisible();

    await page.getByRole('button', { name: 'Scan now' }).click();
    await expect(page).toHaveURL(/\/jobs\//);
    await page.getByRole('button', { name: /^Run \d+ items? as previewed$/ }).click();
    await expect(page.getByText('Done', { exact: true }).first()).toBeVisible({ timeout: 60_000 });

    await page.goto(`browse/${encodeURIComponent(owner.name)}/${encodeURIComponent(index.index)}/Acme.Widgets/1.1.0`);
    const flagged = page.getByRole('region', { name: 'Known vulnerabilities' });
    await expect(flagged).toContainText('PYSEC-2099-1');
    await expect(flagged).toContainText('CVE-2099-0001');
    await expect(flagged).toContainText('critical 9.8');
    await expect(flagged).toContainText('1.2.0');

    await page.goto(`browse/${encodeURIComponent(owner.name)}/${encodeURIComponent(index.index)}/Acme.Widgets/1.2.0`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('1.2.0');
    await expect(page.getByRole('region', { name: 'Known vulnerabilities' })).toHaveCount(0);

    await page.goto(`vulnerabilities?index=${encodeURIComponent(index.stage)}`);
    const rows = page.getByRole('row').filter({ hasText: 'PYSEC-2099-1' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Acme.Widgets 1.1.0');
    await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /vulnerabilities\/export\.csv\?index=/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
