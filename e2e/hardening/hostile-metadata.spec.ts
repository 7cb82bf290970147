// Hostile package, user and index metadata, uploaded into devpi the way twine does, rendered on
// every screen that shows it: no payload may run, no CSP violation may be reported, no element
// that could run script may even be created.
import { makeWheel, uniqueName } from '@devpi-dashboard/devpi-sim';
import { DevpiError, normalizeProjectName } from '@devpi-dashboard/devpi-client';
import { expect, test } from '../fixtures/test.js';
import { hostileIndexFields, hostilePackages, hostileUserFields, refusedUploads } from './support/hostile-metadata.js';
import { dangerousDom, guardPage } from './support/page-guard.js';

test('hostile metadata is shown as text on every screen, and nothing runs', async ({ page, seed, signIn, app, root }) => {
  test.setTimeout(180_000);
  const owner = await seed.user('hostile', hostileUserFields);
  const { index } = await seed.index(owner.name, 'evil', { type: 'stage', acl_upload: [owner.name], ...hostileIndexFields });
  const uploader = await seed.clientFor(owner);
  const prefix = uniqueName('hx');
  const packages = hostilePackages(prefix);
  for (const p of packages) {
    const wheel = makeWheel({ name: p.name, version: p.version });
    await uploader.upload(owner.name, index, { filename: wheel.filename, content: wheel.content, name: p.name, version: p.version, metadata: p.metadata });
  }
  let refused = 0;
  for (const r of refusedUploads) {
    const wheel = makeWheel({ name: r.name, version: r.version });
    const outcome = await uploader.upload(owner.name, index, { filename: wheel.filename, content: wheel.content, name: r.name, version: r.version }).then(
      () => 'stored',
      // devpi refuses most with a 4xx; a version holding `/` trips its keyfs and comes back as a
      // bare 500 (keyfs_types.py). Both store nothing, which the screens below go on to prove.
      (error: unknown) => (error instanceof DevpiError && ((error.status >= 400 && error.status < 500) || error.status === 500) ? 'refused' : String(error)),
    );
    expect(outcome, `${r.name} ${r.version}`).toBe('refused');
    refused += 1;
  }
  // Whatever the status, a refused upload left nothing behind for a screen to render.
  const stored = (await root.getIndex(owner.name, index))?.projects ?? [];
  for (const r of refusedUploads) expect(stored, r.name).not.toContain(normalizeProjectName(r.name));

  const incidents = await guardPage(page);
  await signIn('root');
  const u = owner.name;
  const screens: [string, string, string][] = [
    ['index projects', `browse/${u}/${index}`, packages[0]?.name ?? ''],
    ...packages.flatMap((p): [string, string, string][] => [
      [`project ${p.name}`, `browse/${u}/${index}/${p.name}`, p.name],
      [`version ${p.name}`, `browse/${u}/${index}/${p.name}/${encodeURIComponent(p.version)}`, p.name],
    ]),
    ['search', `search?q=${prefix}`, packages[0]?.name ?? ''],
    ['users', 'users', u],
    ['user', `users/${u}`, u],
    ['user JSON', `users/${u}/json`, u],
    ['indexes', 'indexes', index],
    ['index', `indexes/${u}/${index}`, index],
    ['index permissions', `indexes/${u}/${index}/permissions`, index],
    ['index JSON', `indexes/${u}/${index}/json`, index],
    ['permission matrix', `permissions?user=${u}&index=${index}`, index],
  ];
  for (const [what, path, expected] of screens) {
    await test.step(what, async () => {
      await page.goto(path);
      await expect(app.shell.main.getByText(expected).filter({ visible: true }).first()).toBeVisible();
      // The rendered description arrives on its own request: wait for its text before looking at the DOM.
      if (what.startsWith('version')) await expect(app.packages.description.getByText(/Hostile|__hostile|constructor/).first()).toBeVisible();
      expect(await dangerousDom(page), what).toEqual([]);
      expect(incidents.executed, what).toEqual([]);
      expect(incidents.dialogs, what).toEqual([]);
      expect(incidents.cspViolations, what).toEqual([]);
      expect(incidents.pageErrors, what).toEqual([]);
    });
  }
  // The summary is shown as the text it is, not dropped and not interpreted.
  await page.goto(`browse/${u}/${index}/${packages[0]?.name ?? ''}/1.0`);
  await expect(app.shell.main.getByText(packages[0]?.visibleText ?? '', { exact: false }).first()).toBeVisible();
  expect(incidents.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  test.info().annotations.push({ type: 'tally', description: `${screens.length} screens, ${packages.length} hostile packages stored, ${refused} hostile uploads refused by devpi` });
});
