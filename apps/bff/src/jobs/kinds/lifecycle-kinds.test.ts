import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevpiClient, type DevpiClient as Client } from '@devpi-dashboard/devpi-client';
import { makeWheel, uniqueName } from '@devpi-dashboard/devpi-sim';
import { devpiFixture } from '../../../test/support/devpi-fixtures.js';
import type { ClassifiedAction } from '../../history/classify.js';
import { PasswordVault } from '../../lifecycle/password-vault.js';
import { createStore, type Store } from '../../store/index.js';
import { StorageStore } from '../../storage/storage-store.js';
import type { JobContext } from '../job-kind.js';
import { bulkAclKind } from './bulk-acl.js';
import { storageReportKind } from './storage-report.js';
import { usersCsvKind } from './users-csv.js';

/** A job context as the runner builds it, with the history writes collected. */
function context(devpi: Client, creator: string, jobId: string, changes: ClassifiedAction[]): JobContext {
  return {
    jobId,
    creator,
    devpi,
    signal: new AbortController().signal,
    logger: pino({ level: 'silent' }),
    now: () => Date.UTC(2026, 11, 2, 5),
    change: (action, run) => {
      changes.push(action);
      return run();
    },
  };
}

describe('lifecycle job kinds against devpi', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let store: Store;
  let dir: string;
  let owner: string;
  const madeUsers: string[] = [];

  beforeAll(async () => {
    devpi = await devpiFixture();
    dir = mkdtempSync(join(tmpdir(), 'kinds-store-'));
    store = await createStore({ databaseUrl: undefined, dataDir: dir });
    owner = (await devpi.user('kinds')).name;
    await devpi.root.createIndex(owner, 'a', { bases: [], acl_upload: [owner, 'root'] });
    await devpi.root.createIndex(owner, 'b', { bases: [], acl_upload: [owner, 'bob'] });
  });
  afterAll(async () => {
    for (const name of madeUsers) await devpi?.root.deleteUser(name).catch(() => undefined);
    for (const index of ['a', 'b']) await devpi?.root.deleteIndex(owner, index).catch(() => undefined);
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    await devpi?.close();
  });

  it('bulk-acl: plans every index, changes only those that need it and records each change', async () => {
    const changes: ClassifiedAction[] = [];
    const ctx = context(devpi.root, 'root', 'job-acl', changes);
    const params = bulkAclKind.params.parse({ key: 'acl_upload', op: 'add', principal: 'bob', indexes: [`${owner}/a`, `${owner}/b`] });
    const plan = await bulkAclKind.plan(ctx, params);
    expect(plan.summary).toMatchObject({ change: 1, unchanged: 1 });
    const results = [];
    for (const item of plan.items) results.push(await bulkAclKind.runItem(ctx, item, params));
    expect(results.map((r) => r.state)).toEqual(['done', 'skipped']);
    expect((await devpi.root.getIndex(owner, 'a'))?.['acl_upload']).toEqual([owner, 'root', 'bob']);
    expect(changes).toEqual([{ action: 'acl.add', target: { index: `${owner}/a` }, changes: [{ key: 'acl_upload', op: 'add', value: 'bob' }] }]);
  });

  it('users-csv: creates users who can log in, fails bad rows with the reason, keeps passwords for one take', async () => {
    const name = uniqueName('kind-csv');
    madeUsers.push(name);
    const vault = new PasswordVault(store, 'x'.repeat(40));
    const kind = usersCsvKind(vault);
    const changes: ClassifiedAction[] = [];
    const ctx = context(devpi.root, 'root', 'job-users', changes);
    const params = kind.params.parse({ csv: `name,email\n${name},${name}@example.com\nbad name,\nroot,\n` });
    const plan = await kind.plan(ctx, params);
    expect(plan.summary).toMatchObject({ create: 1, invalid: 1, exists: 1 });
    const results = [];
    for (const item of plan.items) results.push(await kind.runItem(ctx, item, params));
    expect(results.map((r) => r.state)).toEqual(['done', 'failed', 'skipped']);
    expect(results[1]?.message).toMatch(/contains characters that aren't allowed/);
    expect(changes.map((c) => [c.action, c.target.user])).toEqual([['user.create', name]]);
    expect(JSON.stringify(changes)).not.toMatch(/"password","op":"set","value/);
    const [taken] = await vault.take('job-users');
    expect(taken?.username).toBe(name);
    expect((await new DevpiClient({ baseUrl: devpi.target.url }).login(name, taken?.password ?? '')).token).toBeTruthy();
    expect(await vault.take('job-users')).toEqual([]);
  });

  it('storage-report: stores the bytes of every file of each index and skips nothing twice', async () => {
    const wheel = makeWheel({ name: 'kind-size', version: '1.0' });
    await devpi.root.upload(owner, 'a', { filename: wheel.filename, content: new Uint8Array(wheel.content), name: 'kind-size', version: '1.0' });
    const storage = new StorageStore(store);
    const kind = storageReportKind(storage);
    const ctx = context(devpi.root, 'root', 'job-storage', []);
    const params = kind.params.parse({ indexes: [`${owner}/a`, `${owner}/b`] });
    const plan = await kind.plan(ctx, params);
    expect(plan.items.map((i) => i.key)).toEqual([`${owner}/a`, `${owner}/b`]);
    for (const item of plan.items) await kind.runItem(ctx, item, params);
    const again = await kind.runItem(ctx, plan.items[0] ?? { key: '', label: '', bytes: 0, spec: {} }, params);
    expect(again).toMatchObject({ state: 'done', bytes: wheel.content.length });
    const detail = await storage.indexDetail(`${owner}/a`, 10);
    expect(detail.index).toMatchObject({ files: 1, bytes: wheel.content.length, releases: 1, scannedBy: 'root' });
    expect(detail.projects).toEqual([{ index: `${owner}/a`, project: 'kind-size', releases: 1, files: 1, bytes: wheel.content.length }]);
  });
});
