// Package pages against a devpi trimmed the way devpi-admin (acl_read) and devpi-lockdown trim it:
// anonymous callers get only {"status": "ok"} from /+status and are refused every index read.
// A signed-in user must still browse an index, a project and a version through nginx.
// Against a real devpi (DEVPI_URL) it runs only when E2E_DEVPI_TRIMMED=1 says that devpi runs
// such a plugin; the double is started trimmed for it otherwise.
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import type { TopologyInfo } from '../fixtures/env.js';
import { buildWheel } from '../fixtures/python.js';
import { expect, test as base } from '../fixtures/test.js';
import { startTopology } from '../support/topology.js';

const realDevpi = (process.env.DEVPI_URL ?? '') !== '';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  topology: async ({}, use) => {
    const started = await startTopology({ trimmed: true });
    const info: TopologyInfo = { ...started };
    try {
      await use(info);
    } finally {
      await started.stop();
    }
  },
});

test.skip(realDevpi && process.env.E2E_DEVPI_TRIMMED !== '1', 'the devpi at DEVPI_URL is not trimmed (set E2E_DEVPI_TRIMMED=1 if it is)');

test('package pages work signed in when devpi refuses anonymous reads', async ({ topology, request, app, seed, signIn }) => {
  test.setTimeout(120_000);
  // The premise: anonymous callers really are refused here.
  const status = await request.get(`${topology.devpiUrl}/+status`, { headers: { Accept: 'application/json' } });
  // devpi-admin's health-only answer (devpi_admin/main.py `_filter_status`), in devpi's envelope
  expect(await status.json()).toEqual({ type: 'status', result: { status: 'ok' } });

  const owner = await seed.user('trim');
  const index = await seed.index(owner.name, 'dev');
  expect((await request.get(`${topology.devpiUrl}/${index.stage}`, { headers: { Accept: 'application/json' } })).status()).toBeGreaterThanOrEqual(400);
  const wheel = await buildWheel(uniqueName('e2e-trim'), '2.1.0', '# trimmed\n\nBrowsed behind a read restriction.\n');
  await seed.release(owner, index, wheel);

  await signIn(owner);
  await app.packages.gotoIndex(owner.name, index.index);
  await expect(app.shell.main.getByRole('link', { name: wheel.name })).toBeVisible();
  await app.packages.gotoProject(owner.name, index.index, wheel.name);
  await expect(app.shell.main.getByText('2.1.0').first()).toBeVisible();
  await app.packages.gotoVersion(owner.name, index.index, wheel.name, wheel.version);
  await expect(app.packages.fileRow(wheel.filename)).toBeVisible();
  // The version's own metadata came through too, not only its files.
  await expect(app.shell.main.getByText(`End-to-end test package ${wheel.name}`).first()).toBeVisible();
});
