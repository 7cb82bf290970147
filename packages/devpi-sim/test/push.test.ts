// External push (posturl) between two doubles, and tox results attached to release files.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeSdist, makeWheel, startDevpiSim } from '../src/index.js';
import type { DevpiSim, PackageFile } from '../src/index.js';
import { call, loginToken } from './helpers.js';

const sims: DevpiSim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function fresh(): Promise<{ sim: DevpiSim; root: string }> {
  const sim = await startDevpiSim();
  sims.push(sim);
  const root = await loginToken(sim.url, 'root', '');
  await call(sim.url, 'PUT', '/root/dev', { json: { acl_upload: ['root'] }, auth: ['root', root] });
  return { sim, root };
}

async function upload(sim: DevpiSim, file: PackageFile): Promise<void> {
  const form = new FormData();
  form.set(':action', 'file_upload');
  form.set('name', file.name);
  form.set('version', file.version);
  for (const [key, value] of Object.entries(file.metadata)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  form.set('content', new Blob([new Uint8Array(file.content)]), file.filename);
  const res = await fetch(`${sim.url}/root/dev/`, { method: 'POST', body: form, headers: { Authorization: `Basic ${Buffer.from('root:').toString('base64')}` } });
  expect(res.status).toBe(200);
}

const links = z.object({ result: z.object({ '+links': z.array(z.object({ rel: z.string(), href: z.string(), for_href: z.string().optional() })) }).passthrough() });

describe('push', () => {
  it('pushes a release to another index server with posturl, like devpi push to pypi', async () => {
    const a = await fresh();
    const b = await fresh();
    const spec = { name: 'pushed', version: '1.0', summary: 'pushed release' };
    await upload(a.sim, makeWheel(spec));
    await upload(a.sim, makeSdist(spec));
    const res = await call(a.sim.url, 'POST', '/root/dev', {
      json: { name: 'pushed', version: '1.0', posturl: `${b.sim.url}/root/dev/`, username: 'root', password: '' },
      auth: ['root', a.root],
    });
    expect(res.status).toBe(200);
    const version = links.parse((await call(b.sim.url, 'GET', '/root/dev/pushed/1.0')).json);
    expect(version.result['+links'].map((l) => l.href.split('/').pop()).sort()).toEqual(['pushed-1.0-py3-none-any.whl', 'pushed-1.0.tar.gz']);
    expect(version.result['summary']).toBe('pushed release');
  });
});

describe('tox results', () => {
  it('attach to a release file and show up with for_href', async () => {
    const a = await fresh();
    const wheel = makeWheel({ name: 'tested', version: '0.1' });
    await upload(a.sim, wheel);
    const href = links.parse((await call(a.sim.url, 'GET', '/root/dev/tested/0.1')).json).result['+links'][0]?.href ?? '';
    const res = await call(a.sim.url, 'POST', new URL(href).pathname, { json: { testenvs: { py312: { test: [{ retcode: 0 }] } } } });
    expect(res.status).toBe(200);
    const after = links.parse((await call(a.sim.url, 'GET', '/root/dev/tested/0.1')).json).result['+links'];
    expect(after.find((l) => l.rel === 'toxresult')?.for_href).toBe(href);
  });
});
