// The client configuration screen is only as good as what it hands out: copy its pip.conf with
// the Copy button, and pip, configured by that file alone, installs from the index through nginx.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, pipInstallWithConfig } from '../fixtures/python.js';
import { expect, test } from '../fixtures/test.js';

test('the copied pip.conf makes pip install from the index through nginx', async ({ page, context, app, seed, signIn, topology }) => {
  const owner = await seed.user('cfg');
  const index = await seed.index(owner.name, 'dev');
  const wheel = await buildWheel(uniqueName('e2e-config'), '2.0.0', '# configured\n');
  await seed.release(owner, index, wheel);

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: topology.lbUrl });
  await signIn('root');
  await app.indexes.gotoClientConfig(owner.name, index.index);
  const section = page.getByRole('region', { name: 'pip.conf' });
  await section.getByRole('button', { name: 'Copy pip.conf' }).click();
  await expect(section.getByRole('button', { name: 'Copy pip.conf' })).toHaveText('Copied');
  const pipConf = await page.evaluate(() => navigator.clipboard.readText());

  // Plain http here, so the snippet must carry trusted-host; it points through the load balancer.
  expect(pipConf).toContain(`index-url = ${topology.lbUrl}/${index.stage}/+simple/`);
  expect(pipConf).toContain(`trusted-host = ${new URL(topology.lbUrl).hostname}`);

  const file = join(tmpdir(), `${uniqueName('pip')}.conf`);
  await writeFile(file, pipConf);
  expect(await pipInstallWithConfig(file, `${wheel.name}==2.0.0`)).toContain(`Successfully installed ${wheel.name}-2.0.0`);
});
