// Mirrors of another simple index over HTTP: inheritance, whitelists, cache expiry and a large name list.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeWheel, startDevpiSim } from '../src/index.js';
import type { DevpiSim } from '../src/index.js';
import { call, indexResult, loginToken } from './helpers.js';

const sims: DevpiSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function upload(url: string, auth: [string, string], index: string, name: string, version: string): Promise<number> {
  const wheel = makeWheel({ name, version, summary: `${name} ${version}` });
  const form = new FormData();
  form.set(':action', 'file_upload');
  form.set('name', name);
  form.set('version', version);
  form.set('content', new Blob([new Uint8Array(wheel.content)]), wheel.filename);
  const res = await fetch(`${url}/${index}/`, { method: 'POST', body: form, headers: { 'X-Devpi-Auth': Buffer.from(auth.join(':')).toString('base64') } });
  return res.status;
}

/** An upstream double with `up/stage` holding `name`, and a downstream double whose root/pypi mirrors it. */
async function pair(): Promise<{ up: DevpiSim; down: DevpiSim; rootUp: string; rootDown: string }> {
  const up = await startDevpiSim();
  sims.push(up);
  const rootUp = await loginToken(up.url, 'root', '');
  await call(up.url, 'PUT', '/up', { json: { password: 'up-pw' }, auth: ['root', rootUp] });
  await call(up.url, 'PUT', '/up/stage', { json: { acl_upload: ['root'] }, auth: ['root', rootUp] });
  const down = await startDevpiSim({ upstreamOverrides: { 'https://pypi.org/simple/': `${up.url}/up/stage/+simple/` } });
  sims.push(down);
  const rootDown = await loginToken(down.url, 'root', '');
  return { up, down, rootUp, rootDown };
}

const simpleProject = z.object({ files: z.array(z.object({ filename: z.string(), url: z.string() })) });

describe('mirror indexes', () => {
  it('really mirror the upstream over HTTP and serve the same bytes', async () => {
    const { up, down, rootUp } = await pair();
    expect(await upload(up.url, ['root', rootUp], 'up/stage', 'shared-lib', '1.0')).toBe(200);
    const res = await call(down.url, 'GET', '/root/pypi/+simple/shared-lib/', { accept: 'application/vnd.pypi.simple.v1+json' });
    const files = simpleProject.parse(res.json).files;
    expect(files.map((f) => f.filename)).toEqual(['shared_lib-1.0-py3-none-any.whl']);
    const file = await fetch(new URL(files[0]?.url ?? '', `${down.url}/root/pypi/+simple/shared-lib/`));
    expect(Buffer.from(await file.arrayBuffer()).equals(makeWheel({ name: 'shared-lib', version: '1.0', summary: 'shared-lib 1.0' }).content)).toBe(true);
  });

  it('keep the name list for mirror_cache_expiry seconds of the double clock', async () => {
    const { up, down, rootUp, rootDown } = await pair();
    await call(down.url, 'PATCH', '/root/pypi', { json: ['mirror_cache_expiry=60'], auth: ['root', rootDown] });
    expect(indexResult.parse((await call(down.url, 'GET', '/root/pypi')).json).result.projects).toEqual([]);
    await upload(up.url, ['root', rootUp], 'up/stage', 'late-lib', '1.0');
    expect(indexResult.parse((await call(down.url, 'GET', '/root/pypi')).json).result.projects).toEqual([]);
    down.advanceClock(61);
    expect(indexResult.parse((await call(down.url, 'GET', '/root/pypi')).json).result.projects).toEqual(['late-lib']);
  });

  it('hide mirrored releases of a private project unless whitelisted, with union or intersection inheritance', async () => {
    const { up, down, rootUp, rootDown } = await pair();
    await upload(up.url, ['root', rootUp], 'up/stage', 'dual', '2.0');
    const auth: [string, string] = ['root', rootDown];
    await call(down.url, 'PUT', '/root/base', { json: { bases: ['root/pypi'], acl_upload: ['root'], mirror_whitelist: ['dual'] }, auth });
    await call(down.url, 'PUT', '/root/dev', { json: { bases: ['root/base'], acl_upload: ['root'] }, auth });
    await upload(down.url, auth, 'root/dev', 'dual', '1.0');
    const names = async (index: string): Promise<string[]> =>
      simpleProject.parse((await call(down.url, 'GET', `/${index}/+simple/dual/`, { accept: 'application/vnd.pypi.simple.v1+json' })).json).files.map((f) => f.filename);
    // intersection (the default): root/dev's empty whitelist intersected with root/base's is empty
    expect(await names('root/dev')).toEqual(['dual-1.0-py3-none-any.whl']);
    await call(down.url, 'PATCH', '/root/dev', { json: ['mirror_whitelist_inheritance=union'], auth });
    expect((await names('root/dev')).sort()).toEqual(['dual-1.0-py3-none-any.whl', 'dual-2.0-py3-none-any.whl']);
    await call(down.url, 'PATCH', '/root/dev', { json: ['mirror_whitelist_inheritance=intersection', 'mirror_whitelist=dual'], auth });
    expect((await names('root/dev')).sort()).toEqual(['dual-1.0-py3-none-any.whl', 'dual-2.0-py3-none-any.whl']);
    const html = await call(down.url, 'GET', '/root/dev/+simple/dual/', { accept: 'text/html' });
    expect(html.text).toContain('value="Refresh PyPI links"');
  });

  it('list every name of a large upstream once, in order', async () => {
    const { up, down } = await pair();
    const names = Array.from({ length: 5000 }, (_, i) => `pkg-${String(i).padStart(5, '0')}`);
    up.bulkRegister('up/stage', names);
    const listing = z.object({ projects: z.array(z.object({ name: z.string() })) });
    const res = await call(down.url, 'GET', '/root/pypi/+simple/', { accept: 'application/vnd.pypi.simple.v1+json' });
    const got = listing.parse(res.json).projects.map((p) => p.name);
    expect(got).toEqual(names);
    const html = await call(down.url, 'GET', '/root/pypi/+simple/', { accept: 'text/html' });
    expect(html.text.match(/<a href=/g)?.length).toBe(5000);
  });
});

describe('mirror options', () => {
  it('mirror_no_project_list asks upstream per project, and mirror_use_external_urls links upstream files', async () => {
    const { up, down, rootUp, rootDown } = await pair();
    await upload(up.url, ['root', rootUp], 'up/stage', 'direct', '1.0');
    await call(down.url, 'PATCH', '/root/pypi', { json: ['mirror_no_project_list=True', 'mirror_use_external_urls=True'], auth: ['root', rootDown] });
    expect(indexResult.parse((await call(down.url, 'GET', '/root/pypi')).json).result.projects).toEqual([]);
    const page = await call(down.url, 'GET', '/root/pypi/+simple/direct/', { accept: 'application/vnd.pypi.simple.v1+json' });
    expect(simpleProject.parse(page.json).files.map((f) => f.url)).toEqual([expect.stringMatching(new RegExp(`^${up.url}/up/stage/\\+f/`))]);
    expect((await call(down.url, 'GET', '/root/pypi/+simple/missing/', { accept: 'text/html' })).status).toBe(404);
    expect(indexResult.parse((await call(down.url, 'GET', '/root/pypi')).json).result.projects).toEqual(['direct']);
  });
});
