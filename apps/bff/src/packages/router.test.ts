import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeSdist, makeWheel, type PackageSpec } from '@devpi-dashboard/devpi-sim';
import { indexOverviewSchema, projectPageSchema, projectViewSchema, searchResultSchema, versionViewSchema } from '@devpi-dashboard/dashboard-api';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { testApp } from '../../test/support/test-app.js';

async function upload(client: DevpiClient, index: string, spec: PackageSpec, sdist = false) {
  const file = sdist ? makeSdist(spec) : makeWheel(spec);
  const [user, name] = index.split('/') as [string, string];
  await client.upload(user, name, {
    filename: file.filename,
    content: new Uint8Array(file.content),
    name: spec.name,
    version: spec.version,
    metadata: {
      summary: spec.summary,
      description: spec.description,
      description_content_type: spec.descriptionContentType,
      requires_dist: spec.requiresDist,
      author: spec.author,
      license: spec.license,
    },
  });
}

describe('package browsing API', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  let owner: string;
  const api = (path: string) => request(app.app).get(`/+dashboard/api/packages${path}`);

  beforeAll(async () => {
    devpi = await devpiFixture();
    owner = (await devpi.user('pkgs')).name;
    const root = devpi.root;
    await root.createIndex(owner, 'base', { bases: [], acl_upload: ['root'] });
    await root.createIndex(owner, 'dev', { bases: [`${owner}/base`], acl_upload: ['root'] });
    await root.createIndex(owner, 'many', { bases: [], acl_upload: ['root'] });
    await upload(root, `${owner}/base`, { name: 'shared-lib', version: '1.0', summary: 'from base' });
    await upload(root, `${owner}/base`, { name: 'base-only', version: '2.0' });
    for (const version of ['1.9', '2.0', '2.1rc1', '1.10']) await upload(root, `${owner}/dev`, { name: 'shared-lib', version });
    await upload(root, `${owner}/dev`, {
      name: 'app', version: '0.1', author: 'Alice', license: 'MIT',
      requiresDist: ['shared-lib>=1.0', 'not-here (>=2) ; extra == "x"'],
      descriptionContentType: 'text/markdown',
      description: '# App\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n',
    });
    await upload(root, `${owner}/dev`, { name: 'app', version: '0.1' }, true);
    // 120 projects so that paging has something to page through.
    const names = Array.from({ length: 120 }, (_, i) => `proj-${String(i).padStart(3, '0')}`);
    if (devpi.target.sim) devpi.target.sim.bulkRegister(`${owner}/many`, names);
    else for (const name of names) await root.register(owner, 'many', { name, version: '1.0' });
    // A mirror of the `base` stage over HTTP (devpi can mirror itself), and a stage on top of it.
    await root.createIndex(owner, 'mirror', { type: 'mirror', mirror_url: `${devpi.target.url}/${owner}/base/+simple/` });
    await root.createIndex(owner, 'wl', { bases: [`${owner}/mirror`], acl_upload: ['root'] });
    await upload(root, `${owner}/wl`, { name: 'shared-lib', version: '3.0' });
    app = await testApp(devpi.target.url);
  });
  afterAll(async () => {
    app?.close();
    for (const index of ['wl', 'mirror', 'dev', 'base', 'many', 'fresh']) await devpi?.root.deleteIndex(owner, index).catch(() => undefined);
    await devpi?.close();
  });

  it('pages an index project list in name order, first page only', async () => {
    const first = projectPageSchema.parse((await api(`/${owner}/many/+projects`).query({ limit: 50 }).expect(200)).body);
    expect(first.total).toBe(120);
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toEqual({ name: 'proj-000', index: `${owner}/many` });
    const third = projectPageSchema.parse((await api(`/${owner}/many/+projects`).query({ limit: 50, offset: 100 }).expect(200)).body);
    expect(third.items.map((i) => i.name)).toEqual(Array.from({ length: 20 }, (_, i) => `proj-${100 + i}`));
  });

  it('searches names: exact, then prefix, then substring', async () => {
    const page = projectPageSchema.parse((await api(`/${owner}/many/+projects`).query({ q: 'PROJ_01' }).expect(200)).body);
    expect(page.total).toBe(10);
    expect(page.items[0]?.name).toBe('proj-010');
    const inner = projectPageSchema.parse((await api(`/${owner}/many/+projects`).query({ q: '119' }).expect(200)).body);
    expect(inner.items.map((i) => i.name)).toEqual(['proj-119']);
  });

  it('shows inherited projects with the index they come from', async () => {
    const own = projectPageSchema.parse((await api(`/${owner}/dev/+projects`).expect(200)).body);
    expect(own.items.map((i) => i.name)).toEqual(['app', 'shared-lib']);
    const all = projectPageSchema.parse((await api(`/${owner}/dev/+projects`).query({ scope: 'all' }).expect(200)).body);
    expect(all.items).toEqual([
      { name: 'app', index: `${owner}/dev` },
      { name: 'base-only', index: `${owner}/base` },
      { name: 'shared-lib', index: `${owner}/dev` },
    ]);
  });

  it('shows a new upload at once when the browser asks for fresh data', async () => {
    // a stage of its own: devpi's mirror of base would list the upload too, whenever it first reads base
    await devpi.root.createIndex(owner, 'fresh', { bases: [], acl_upload: ['root'] });
    expect(projectPageSchema.parse((await api(`/${owner}/fresh/+projects`).set('Cache-Control', 'no-cache').expect(200)).body).items).toEqual([]);
    await upload(devpi.root, `${owner}/fresh`, { name: 'just-uploaded', version: '0.1' });
    const page = projectPageSchema.parse((await api(`/${owner}/fresh/+projects`).set('Cache-Control', 'no-cache').expect(200)).body);
    expect(page.items.map((i) => i.name)).toContain('just-uploaded');
  });

  it('gives the bases in resolution order', async () => {
    const overview = indexOverviewSchema.parse((await api(`/${owner}/dev`).expect(200)).body);
    expect(overview.resolution.map((r) => r.name)).toEqual([`${owner}/dev`, `${owner}/base`]);
    expect(overview.permissions.upload).toBe(false);
    expect(overview.simpleUrl).toMatch(new RegExp(`/${owner}/dev/\\+simple/$`));
  });

  it('orders versions newest first by PEP 440 and says where each comes from', async () => {
    const view = projectViewSchema.parse((await api(`/${owner}/dev/shared-lib`).expect(200)).body);
    expect(view.versions.map((v) => [v.version, v.prerelease, v.index])).toEqual([
      ['2.1rc1', true, `${owner}/dev`],
      ['2.0', false, `${owner}/dev`],
      ['1.10', false, `${owner}/dev`],
      ['1.9', false, `${owner}/dev`],
      ['1.0', false, `${owner}/base`],
    ]);
  });

  it('serves version data with files, history, dependencies and a sanitised description', async () => {
    const view = versionViewSchema.parse((await api(`/${owner}/dev/app/0.1`).expect(200)).body);
    expect(view.files.map((f) => [f.filename, f.kind, f.pythonTag])).toEqual(
      expect.arrayContaining([['app-0.1-py3-none-any.whl', 'wheel', 'py3'], ['app-0.1.tar.gz', 'sdist', 'source']]),
    );
    expect(view.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.files.every((f) => typeof f.size === 'number' && f.size > 100)).toBe(true);
    expect(view.files[0]?.history[0]).toMatchObject({ what: 'upload', who: 'root', dst: `${owner}/dev` });
    expect(view.requiresDist).toEqual([
      { raw: 'shared-lib>=1.0', name: 'shared-lib', onIndex: true },
      { raw: 'not-here (>=2) ; extra == "x"', name: 'not-here', onIndex: false },
    ]);
    expect(view.description.format).toBe('markdown');
    expect(view.description.html).toContain('<h3>App</h3>');
    expect(view.description.html).not.toMatch(/<script|javascript:/i);
  });

  it('answers 404 for unknown indexes, projects and versions, 400 for bad paging', async () => {
    await api(`/${owner}/nope/+projects`).expect(404);
    await api(`/${owner}/dev/no-such-project`).expect(404);
    await api(`/${owner}/dev/app/9.9`).expect(404);
    await api(`/${owner}/many/+projects`).query({ limit: 0 }).expect(400);
  });

  it("lists a mirror's projects from devpi's simple index", async () => {
    const page = projectPageSchema.parse((await api(`/${owner}/mirror/+projects`).expect(200)).body);
    expect(page.items).toEqual([{ name: 'base-only', index: `${owner}/mirror` }, { name: 'shared-lib', index: `${owner}/mirror` }]);
    const overview = indexOverviewSchema.parse((await api(`/${owner}/mirror`).expect(200)).body);
    expect(overview.type).toBe('mirror');
    expect(overview.permissions).toEqual({ upload: false, delete: false, refresh: true });
  });

  it('says when devpi blocks a mirror by the whitelist', async () => {
    const view = projectViewSchema.parse((await api(`/${owner}/wl/shared-lib`).expect(200)).body);
    expect(view.blockedMirrors).toEqual([`${owner}/mirror`]);
    expect(view.versions.map((v) => v.version)).toEqual(['3.0']);
    const open = projectViewSchema.parse((await api(`/${owner}/wl/base-only`).expect(200)).body);
    expect(open.blockedMirrors).toEqual([]);
    expect(open.versions.map((v) => [v.version, v.index])).toEqual([['2.0', `${owner}/mirror`]]);
  });

  it('searches names across every index', async () => {
    const result = searchResultSchema.parse((await api('/+search').query({ q: 'shared-lib' }).expect(200)).body);
    expect(result.mode).toBe('name');
    const mine = result.items.filter((i) => i.name === 'shared-lib' && i.index.startsWith(`${owner}/`)).map((i) => i.index);
    // Exact matches on stages come before the same name on mirrors.
    expect(mine).toEqual([`${owner}/base`, `${owner}/dev`, `${owner}/wl`, `${owner}/mirror`]);
  });

  it('uses devpi-web full text when asked and available, and says which search ran', async () => {
    const result = searchResultSchema.parse((await api('/+search').query({ q: 'app', mode: 'fulltext' }).expect(200)).body);
    expect(result.mode).toBe(result.fullTextAvailable ? 'fulltext' : 'name');
  });
});
