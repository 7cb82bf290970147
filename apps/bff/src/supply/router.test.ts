import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeSdist, makeWheel, type PackageSpec } from '@devpi-dashboard/devpi-sim';
import { basesGraphSchema, guardReportSchema, historyPageSchema, resolveAnswerSchema } from '@devpi-dashboard/dashboard-api';
import { openTestHistory } from '../history/test-history-store.js';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { listen } from '../../test/support/listen.js';
import { testApp } from '../../test/support/test-app.js';

async function upload(client: DevpiClient, index: string, spec: PackageSpec, sdist = false) {
  const file = sdist ? makeSdist(spec) : makeWheel(spec);
  const [user, name] = index.split('/') as [string, string];
  await client.upload(user, name, { filename: file.filename, content: new Uint8Array(file.content), name: spec.name, version: spec.version, metadata: {} });
}

describe('supply API: dependency-confusion guard and resolution', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  let bff: Awaited<ReturnType<typeof listen>>;
  let history: Awaited<ReturnType<typeof openTestHistory>>;
  let owner: string;
  let cookie = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'supply-history-'));
  const get = (path: string) => request(bff.url).get(`/+dashboard/api${path}`).set({ Cookie: cookie });
  const guardOf = async (index: string) => {
    const report = guardReportSchema.parse((await get('/supply/guard').query({ index }).set('Cache-Control', 'no-cache').expect(200)).body);
    return report.indexes.find((i) => i.index === index);
  };
  const patch = (index: string, ops: string[]) =>
    request(bff.url).patch(`/+dashboard/api/devpi/${index}`).set({ Cookie: cookie, 'X-Devpi-Dashboard': '1', Origin: bff.url, Accept: 'application/json' }).send(ops);

  beforeAll(async () => {
    devpi = await devpiFixture();
    owner = (await devpi.user('supply')).name;
    const root = devpi.root;
    await root.createIndex(owner, 'upstream', { bases: [], acl_upload: ['root'] });
    for (const version of ['1.0', '2.5', '3.0']) {
      await upload(root, `${owner}/upstream`, { name: 'acme-widgets', version });
      await upload(root, `${owner}/upstream`, { name: 'acme-widgets', version }, true);
    }
    await upload(root, `${owner}/upstream`, { name: 'public-only', version: '1.0' });
    // The mirror reads its upstream list when first asked, so it is made after the uploads.
    await root.createIndex(owner, 'mirror', { type: 'mirror', mirror_url: `${devpi.target.url}/${owner}/upstream/+simple/` });
    await root.createIndex(owner, 'private', { bases: [`${owner}/mirror`], acl_upload: ['root'] });
    await upload(root, `${owner}/private`, { name: 'Acme_Widgets', version: '2.0' });
    await upload(root, `${owner}/private`, { name: 'acme-widgets', version: '2.1rc1' });
    await upload(root, `${owner}/private`, { name: 'inhouse', version: '1.0' });
    await root.createIndex(owner, 'star', { bases: [`${owner}/mirror`], acl_upload: ['root'], mirror_whitelist: ['*'] });
    await upload(root, `${owner}/star`, { name: 'inhouse', version: '1.0' });
    history = await openTestHistory({ databaseUrl: undefined, dataDir });
    app = await testApp(devpi.target.url, {}, { history: history.store });
    bff = await listen(app.app);
    const res = await request(bff.url).post('/+dashboard/api/session').set({ 'X-Devpi-Dashboard': '1', Origin: bff.url }).send({ user: 'root', password: devpi.target.rootPassword }).expect(200);
    cookie = (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await bff?.close();
    await app?.close();
    await history?.close();
    for (const index of ['later', 'star', 'private', 'mirror', 'upstream']) await devpi?.root.deleteIndex(owner, index).catch(() => undefined);
    await devpi?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists a private name that the mirror also has, blocked by default, with the higher upstream version', async () => {
    const guarded = await guardOf(`${owner}/private`);
    expect(guarded).toMatchObject({ mirrors: [`${owner}/mirror`], inheritance: 'intersection', privateProjects: 2 });
    expect(guarded?.findings).toHaveLength(1);
    expect(guarded?.findings[0]).toMatchObject({
      project: 'acme-widgets',
      privateOn: [`${owner}/private`],
      pipGets: 'private',
      whitelistedBy: null,
      privateLatest: '2.0',
      upstreamLatest: '3.0',
      upstreamHigher: true,
      fix: { index: `${owner}/private`, op: 'add', operation: 'mirror_whitelist+=acme-widgets' },
    });
    expect(guarded?.findings[0]?.risk).toContain('gets only the private releases');
    expect(guarded?.warnings.map((w) => w.code)).toEqual(['upstream_higher_version']);
  });

  it('sees a private release uploaded after a check: the higher-version warning goes once the private one passes the mirror', async () => {
    await devpi.root.createIndex(owner, 'later', { bases: [`${owner}/mirror`], acl_upload: ['root'] });
    await upload(devpi.root, `${owner}/later`, { name: 'acme-widgets', version: '2.0' });
    expect((await guardOf(`${owner}/later`))?.findings[0]).toMatchObject({ privateLatest: '2.0', upstreamHigher: true });
    await upload(devpi.root, `${owner}/later`, { name: 'acme-widgets', version: '3.1' });
    const guarded = await guardOf(`${owner}/later`);
    expect(guarded?.findings[0]).toMatchObject({ project: 'acme-widgets', privateLatest: '3.1', upstreamLatest: '3.0', upstreamHigher: false });
    expect(guarded?.warnings).toEqual([]);
  });

  it('warns about a whitelist of * on an index with private projects', async () => {
    const guarded = await guardOf(`${owner}/star`);
    expect(guarded?.warnings.map((w) => w.code)).toContain('whitelist_star');
    expect(guarded?.findings).toEqual([]);
  });

  it('resolves a requirement as pip would: private releases only, pre-releases only when asked', async () => {
    const answer = resolveAnswerSchema.parse((await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=2,<3' }).expect(200)).body);
    expect(answer.steps.map((s) => [s.index, s.state])).toEqual([[`${owner}/private`, 'serves'], [`${owner}/mirror`, 'blocked']]);
    expect(answer.steps[1]?.versions.map((v) => v.version)).toEqual(['3.0', '2.5', '1.0']);
    expect(answer.pick).toMatchObject({ version: '2.0', filename: 'acme_widgets-2.0-py3-none-any.whl', servedBy: `${owner}/private` });
    const pre = resolveAnswerSchema.parse((await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=2,<3', pre: '1' }).expect(200)).body);
    expect(pre.pick?.version).toBe('2.1rc1');
    const named = resolveAnswerSchema.parse((await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=2.1rc1' }).expect(200)).body);
    expect(named.pick?.version).toBe('2.1rc1');
    const none = resolveAnswerSchema.parse((await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=5' }).expect(200)).body);
    expect(none.pick).toBeNull();
  });

  it('refuses a requirement that is not PEP 508 with a message naming the field', async () => {
    const res = await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=two' }).expect(400);
    expect(res.body.error.message).toContain('not a PEP 440 version specifier');
    await get(`/supply/resolve/${owner}/nope`).query({ requirement: 'x' }).expect(404);
  });

  it('the fix whitelists the name through devpi: the guard, the resolution and the history follow', async () => {
    await patch(`${owner}/private`, ['mirror_whitelist+=acme-widgets']).expect(200);
    expect((await devpi.root.getIndex(owner, 'private'))).toMatchObject({ mirror_whitelist: ['acme-widgets'] });
    const guarded = await guardOf(`${owner}/private`);
    expect(guarded?.findings[0]).toMatchObject({ pipGets: 'mixed', whitelistedBy: { index: `${owner}/private`, entry: 'acme-widgets' }, fix: { op: 'remove', operation: 'mirror_whitelist-=acme-widgets' } });
    expect(guarded?.findings[0]?.risk).toContain('installs the public one today');
    const answer = resolveAnswerSchema.parse((await get(`/supply/resolve/${owner}/private`).query({ requirement: 'acme-widgets>=2,<3' }).expect(200)).body);
    expect(answer.steps.map((s) => s.state)).toEqual(['serves', 'serves']);
    expect(answer.pick).toMatchObject({ version: '2.5', filename: 'acme_widgets-2.5-py3-none-any.whl', servedBy: `${owner}/mirror` });
    const page = historyPageSchema.parse((await get('/history').query({ index: `${owner}/private` }).expect(200)).body);
    expect(page.items[0]).toMatchObject({ action: 'index.modify', changes: [{ key: 'mirror_whitelist', op: 'add', value: 'acme-widgets' }], outcome: { state: 'ok' } });
    await patch(`${owner}/private`, ['mirror_whitelist-=acme-widgets']).expect(200);
    expect((await guardOf(`${owner}/private`))?.findings[0]?.pipGets).toBe('private');
  });

  it('draws the bases graph with inheritance order and whitelist edges', async () => {
    const graph = basesGraphSchema.parse((await get('/supply/graph').expect(200)).body);
    expect(graph.edges).toEqual(expect.arrayContaining([
      { kind: 'base', from: `${owner}/private`, to: `${owner}/mirror`, order: 1, missing: false, entries: [] },
      { kind: 'whitelist', from: `${owner}/star`, to: `${owner}/mirror`, order: 2, missing: false, entries: ['*'] },
    ]));
    expect(graph.nodes.find((n) => n.name === `${owner}/mirror`)?.type).toBe('mirror');
  });
});
