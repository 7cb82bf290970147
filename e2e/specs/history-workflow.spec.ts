// The seed's admin workflow done in the browser (set root's password, create a user, create an
// index, add and remove an uploader, upload, remove a version, delete the user), then read back
// from the History screen and from its CSV export: every step, in order, with actor, target and
// change, and never the passwords typed on the way.
import { readFile } from 'node:fs/promises';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import type { Page } from '@playwright/test';
import { buildWheel } from '../fixtures/python.js';
import { expect, test } from '../fixtures/test.js';

interface Step {
  actor: string;
  action: string;
  target: string;
  /** Text the change cell holds (exactly, or matching). */
  change: string | RegExp;
}

/** One RFC 4180 CSV document (every cell quoted, CRLF rows) as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The History table's rows, oldest first, as [actor, action, target, change] texts. */
async function historyRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'History' }).locator('tbody tr:not(.history-gap)');
  const texts: string[][] = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole('cell');
    // The actor cell also shows the client address, on a line of its own.
    const actor = (await cells.nth(1).innerText()).split('\n')[0] ?? '';
    const action = (await cells.nth(2).innerText()).split('\n')[0] ?? '';
    const target = (await cells.nth(3).innerText()).replace(/\s+/g, ' ').trim();
    const change = (await cells.nth(4).innerText()).split('\n').join('; ');
    texts.push([actor.trim(), action.trim(), target, change.trim()]);
  }
  return texts.reverse();
}

function expectSteps(rows: string[][], steps: Step[]): void {
  expect(rows.map(([, action]) => action)).toEqual(steps.map((step) => step.action));
  for (const [n, step] of steps.entries()) {
    const [actor, action, target, change] = rows[n] ?? [];
    expect({ actor, action, target }, `step ${n + 1} (${step.action})`).toEqual({ actor: step.actor, action: step.action, target: step.target });
    if (typeof step.change === 'string') expect(change, `change of step ${n + 1} (${step.action})`).toBe(step.change);
    else expect(change, `change of step ${n + 1} (${step.action})`).toMatch(step.change);
  }
}

test('the admin workflow done in the browser is in the History screen and its CSV export, in order', async ({ page, app, root, seed, topology, rootPasswordChanged }) => {
  test.setTimeout(120_000);
  const company = uniqueName('histco');
  const alice = { username: uniqueName('alice'), password: uniqueName('alice-pw'), email: 'alice@example.com', title: 'Alice History' };
  const newRootPassword = uniqueName('root-pw');
  const wheel = await buildWheel(uniqueName('e2e-hist'), '1.0.0', '# history\n\nUploaded and removed again.\n');
  // A session of its own: changing root's password rotates the session that does it, and the run's
  // shared root session (signIn('root')) must outlive this spec.
  const login = await page.request.post(`${topology.lbUrl}/+dashboard/api/session`, {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: topology.lbUrl },
    data: { user: 'root', password: topology.rootPassword },
  });
  expect(login.status(), await login.text()).toBe(200);
  // Only what this test does from here on: the topology's BFFs record nothing but the suite's own steps.
  const started = new Date(Date.now() - 1).toISOString();

  await test.step("set root's password", async () => {
    // On root's account screen: the no-password banner depends on what a replica last saw of
    // root's password, and other specs set it and put it back behind the dashboard's back.
    await app.users.setRootPassword(newRootPassword, 'account');
    await expect(app.shell.currentUser('root')).toBeVisible();
    rootPasswordChanged(newRootPassword);
    await expect.poll(() => root.anonymous().login('root', newRootPassword).then(() => true, () => false)).toBe(true);
  });

  await test.step('create a user', async () => {
    await app.users.gotoCreate();
    await app.users.create(alice);
    seed.track(alice.username);
    await expect(app.shell.heading(alice.title)).toBeVisible();
  });

  await test.step('create a volatile index on root', async () => {
    await app.indexes.createStage({ owner: 'root', name: company, bases: ['root/pypi'], volatile: true });
    seed.track('root', company);
    await expect(app.shell.heading(new RegExp(`root/${company}`))).toBeVisible();
  });

  await test.step('add and remove an uploader', async () => {
    await app.permissions.goto('root', company);
    await app.permissions.addUploader(alice.username);
    await expect(app.permissions.uploader(alice.username)).toBeVisible();
    await app.permissions.removeUploader(alice.username);
    await expect(app.permissions.uploader(alice.username)).toHaveCount(0);
  });

  await test.step('upload a wheel from the browser', async () => {
    await app.packages.gotoIndex('root', company);
    await page.getByLabel('Choose files to upload').setInputFiles([wheel.path]);
    const uploads = page.getByRole('list', { name: `Uploads to root/${company}` });
    await expect(uploads.getByRole('listitem').filter({ hasText: wheel.filename })).toContainText('Uploaded:');
  });

  await test.step('remove the version', async () => {
    await app.packages.gotoVersion('root', company, wheel.name, wheel.version);
    await page.getByRole('button', { name: 'Remove version' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Remove/ }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => root.getVersion('root', company, wheel.name, wheel.version)).toBeUndefined();
  });

  await test.step('delete the user', async () => {
    const dialog = await app.users.startDelete(alice.username);
    await app.users.confirmDelete(dialog, alice.username);
    await expect(dialog).toBeHidden();
    expect(await root.getUser(alice.username)).toBeUndefined();
  });

  const index = `root/${company}`;
  const steps: Step[] = [
    { actor: 'root', action: 'password.change', target: 'root', change: 'password changed' },
    { actor: 'root', action: 'user.create', target: alice.username, change: /^(?=.*email = "alice@example\.com")(?=.*title = "Alice History")/ },
    { actor: 'root', action: 'index.create', target: index, change: /^(?=.*type = "stage")(?=.*bases = \["root\/pypi"\])(?=.*volatile = true)/ },
    { actor: 'root', action: 'acl.add', target: index, change: `acl_upload += ${alice.username}` },
    { actor: 'root', action: 'acl.remove', target: index, change: `acl_upload -= ${alice.username}` },
    { actor: 'root', action: 'release.upload', target: `${index} ${wheel.name} ${wheel.version} ${wheel.filename}`, change: '' },
    { actor: 'root', action: 'release.remove', target: `${index} ${wheel.name} ${wheel.version}`, change: '' },
    { actor: 'root', action: 'user.delete', target: alice.username, change: '' },
  ];

  await test.step('the History screen shows every step, in order', async () => {
    await page.goto(`history?from=${encodeURIComponent(started)}`);
    await expect(app.shell.heading('History')).toBeVisible();
    const table = page.getByRole('table', { name: 'History' });
    await expect(table.locator('tbody tr:not(.history-gap)')).toHaveCount(steps.length);
    await expect(table.getByText('Succeeded')).toHaveCount(steps.length);
    expectSteps(await historyRows(page), steps);
    // Typed passwords never reach the history.
    for (const secret of [newRootPassword, alice.password]) await expect(app.shell.main.getByText(secret)).toHaveCount(0);
  });

  await test.step('the CSV export has the same rows', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    for (const secret of [newRootPassword, alice.password]) expect(csv).not.toContain(secret);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['time', 'actor', 'action', 'target', 'change', 'outcome', 'status', 'message', 'serial', 'client_address', 'replica', 'request_id', 'source']);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const oldestFirst = rows.reverse();
    expect(oldestFirst.map((row) => row[column('outcome')])).toEqual(steps.map(() => 'ok'));
    expect(oldestFirst.map((row) => row[column('source')])).toEqual(steps.map(() => 'dashboard'));
    const times = oldestFirst.map((row) => row[column('time')] ?? '');
    expect([...times].sort()).toEqual(times);
    // The CSV writes a file target in parentheses and joins changes with "; ", as describeTarget/describeChange do.
    const csvSteps = steps.map((step) => (step.action === 'release.upload' ? { ...step, target: `${index} ${wheel.name} ${wheel.version} (${wheel.filename})` } : step));
    expectSteps(
      oldestFirst.map((row) => [row[column('actor')] ?? '', row[column('action')] ?? '', row[column('target')] ?? '', row[column('change')] ?? '']),
      csvSteps,
    );
  });
});
