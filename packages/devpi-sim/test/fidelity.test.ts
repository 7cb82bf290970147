// Answers found against a real devpi-server 6.19.1 that no transcript records; each is confirmed in
// devpi-server's source (named in the test). Runs against DEVPI_URL when set, else a fresh double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devpiTarget, makeWheel, startDevpiSim, uniqueName } from '../src/index.js';
import type { DevpiTarget, PackageFile } from '../src/index.js';
import { call, loginToken } from './helpers.js';

let target: DevpiTarget;
let root: string;
let stage: string;
beforeAll(async () => {
  target = await devpiTarget();
  root = await loginToken(target.url, 'root', target.rootPassword);
  stage = `root/${uniqueName('fid')}`;
  await call(target.url, 'PUT', `/${stage}`, { json: { acl_upload: ['root'] }, auth: ['root', root] });
});
afterAll(async () => {
  await call(target.url, 'DELETE', `/${stage}`, { auth: ['root', root] });
  await target.close();
});

function uploadForm(action: string, file: PackageFile, version: string): FormData {
  const form = new FormData();
  form.set(':action', action);
  form.set('name', file.name);
  form.set('version', version);
  form.set('content', new Blob([new Uint8Array(file.content)]), file.filename);
  return form;
}

async function post(form: FormData): Promise<Response> {
  const auth = `Basic ${Buffer.from(`root:${root}`).toString('base64')}`;
  return fetch(`${target.url}/${stage}/`, { method: 'POST', body: form, headers: { Authorization: auth, Accept: 'application/json' } });
}

describe('replication feed on a standalone server', () => {
  // replica.py PrimaryChangelogRequest.verify_primary: HTTPForbidden("Replication protocol disabled").
  it('refuses /+changelog/<serial> with 403 "Replication protocol disabled"', async () => {
    for (const accept of ['text/html', 'application/json', '*/*']) {
      const res = await call(target.url, 'GET', '/+changelog/0', { accept });
      expect(res.status, accept).toBe(403);
      expect(res.text, accept).toContain('Replication protocol disabled');
    }
    expect((await call(target.url, 'GET', '/+changelog/0-', { accept: 'text/html' })).status).toBe(403);
  });
});

describe('a release version holding "/"', () => {
  // keyfs_types.py PTypedKey.__call__ raises ValueError for a key part with "/": views.py turns it
  // into "invalid metadata" on register and lets it through (a 500) on upload.
  it('is refused on upload with a 500 and leaves nothing behind', async () => {
    const version = '1.0/../../etc';
    const wheel = makeWheel({ name: uniqueName('slash'), version });
    const res = await post(uploadForm('file_upload', wheel, version));
    expect(res.status).toBe(500);
    const index = await call(target.url, 'GET', `/${stage}`, { auth: ['root', root] });
    expect(JSON.stringify(index.json)).not.toContain(wheel.name);
  });

  it('is refused on register as invalid metadata', async () => {
    const version = '2.0/x';
    const wheel = makeWheel({ name: uniqueName('slash'), version });
    const form = uploadForm('submit', wheel, version);
    form.delete('content');
    const res = await post(form);
    expect(res.status).toBe(400);
  });
});

describe('trimmed (devpi-admin / devpi-lockdown) double', () => {
  it('tells anonymous callers only that it is up and refuses their index reads', async () => {
    const sim = await startDevpiSim({ trimmed: true });
    try {
      const token = await loginToken(sim.url, 'root', '');
      await call(sim.url, 'PUT', '/root/dev', { json: {}, auth: ['root', token] });
      const health = await call(sim.url, 'GET', '/+status');
      expect(health.json).toEqual({ type: 'status', result: { status: 'ok' } });
      expect(health.headers.get('cache-control')).toBe('private, no-store');
      for (const path of ['/root/dev', '/root/dev/+simple/', '/root/pypi/x', '/root/dev/x/1.0']) {
        expect((await call(sim.url, 'GET', path)).status, path).toBe(403);
      }
      const api = await fetch(`${sim.url}/root/dev/+api`, { headers: { Accept: 'application/json' } });
      expect(api.status).toBe(200);
      expect(Number(api.headers.get('x-devpi-serial'))).toBeGreaterThan(0);
      const signedIn = await call(sim.url, 'GET', '/+status', { auth: ['root', token] });
      expect(signedIn.json).toMatchObject({ type: 'status', result: { serial: expect.any(Number) } });
      expect((await call(sim.url, 'GET', '/root/dev', { auth: ['root', token] })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
