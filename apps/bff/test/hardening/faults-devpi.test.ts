import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEVPI_PROXY_BASE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { spa, startHardened, type Hardened } from './support/hardened-bff.js';
import { Tally } from './support/tally.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const tally = new Tally('faults-devpi');
// Long enough for a real devpi-server's slowest answers here (argon2 checks a password in about
// a second on a busy machine), short enough that the hanging cases stay quick.
const TIMEOUT_MS = 5000;

let h: Hardened;
let cookie: string;
let owner: string;
let filePath: string;

beforeAll(async () => {
  h = await startHardened({ DEVPI_TIMEOUT_MS: String(TIMEOUT_MS) });
  const user = await h.devpi.user('faulty');
  owner = user.name;
  await h.root.createIndex(owner, 'dev', { type: 'stage', acl_upload: [owner] });
  const wheel = makeWheel({ name: 'big-pkg', version: '1.0', description: randomBytes(400 * 1024).toString('base64') });
  const login = await h.root.login(owner, user.password);
  await h.root.withAuth(owner, login.token).upload(owner, 'dev', { filename: wheel.filename, content: wheel.content, name: 'big-pkg', version: '1.0' });
  const version = await h.root.getVersion(owner, 'dev', 'big-pkg', '1.0');
  const href = version?.['+links']?.[0]?.href ?? '';
  filePath = new URL(href).pathname;
  cookie = await h.login(owner, user.password);
}, 60_000);

afterAll(async () => {
  tally.write();
  await h?.close();
});

beforeEach(async () => {
  h.proxy.plan({ kind: 'pass' });
  await h.proxy.accept();
  h.proxy.clearLog();
});

const browse = (path: string, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, { ...init, headers: { Accept: 'application/json', Cookie: cookie, ...spa(h.url), ...init.headers } });

/** Reads, then changes: every kind of request the SPA makes, through the proxy and the dashboard API. */
const requests = (): [string, string, RequestInit][] => [
  ['proxied GET', `${DEVPI_PROXY_BASE}/${owner}/dev`, {}],
  ['dashboard API GET', '/+dashboard/api/users', {}],
  ['proxied PATCH', `${DEVPI_PROXY_BASE}/${owner}/dev`, { method: 'PATCH', body: JSON.stringify(['title=changed']) }],
];

describe('devpi refused', () => {
  it('every kind of request gets a JSON 502 devpi_unavailable, and the session survives', async () => {
    await h.proxy.refuse();
    for (const [name, path, init] of requests()) {
      const res = await browse(path, init);
      expect(res.status, name).toBe(502);
      expect(errorBody.parse(await res.json()).error.code, name).toBe(errorCodes.devpiUnavailable);
      tally.add('requests answered while devpi refused');
    }
    await h.proxy.accept();
    expect((await browse(`${DEVPI_PROXY_BASE}/${owner}/dev`)).status).toBe(200);
  });
});

describe('devpi hanging', () => {
  it(`every kind of request gets a JSON 504 devpi_timeout at DEVPI_TIMEOUT_MS (${TIMEOUT_MS} ms), never retried`, async () => {
    h.proxy.plan({ kind: 'hang' });
    for (const [name, path, init] of requests()) {
      h.proxy.clearLog();
      const res = await browse(path, init);
      expect(res.status, name).toBe(504);
      expect(errorBody.parse(await res.json()).error.code, name).toBe(errorCodes.devpiTimeout);
      // A timed-out request may still be running at devpi: retrying it would be a guess.
      expect(h.proxy.requests, name).toHaveLength(1);
      tally.add('requests answered while devpi hung');
    }
  });
});

describe('devpi slow', () => {
  it('answers slower than usual but inside the timeout are passed on whole', async () => {
    h.proxy.plan({ kind: 'slow', delayMs: TIMEOUT_MS / 3 });
    const index = await browse(`${DEVPI_PROXY_BASE}/${owner}/dev`);
    expect(index.status).toBe(200);
    expect(z.object({ result: z.object({ type: z.literal('stage') }) }).parse(await index.json()).result.type).toBe('stage');
    const file = await browse(`${DEVPI_PROXY_BASE}${filePath}`, { headers: { Accept: '*/*' } });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(Number(file.headers.get('content-length')));
    tally.add('slow answers delivered', 2);
  });
});

describe('devpi cutting its answer mid-body', () => {
  it('a cut download fails visibly instead of looking complete', async () => {
    h.proxy.plan({ kind: 'cut', afterBytes: 64 * 1024 });
    // The head may already be on its way: then the connection must break (before or during the
    // body), not end short and look complete; otherwise the answer is a 502.
    const outcome = await browse(`${DEVPI_PROXY_BASE}${filePath}`, { headers: { Accept: '*/*' } }).then(
      async (res) => (res.status === 200 ? res.arrayBuffer().then((body) => `complete ${body.byteLength} B`, () => 'broken') : res.status),
      () => 'broken',
    );
    expect([502, 'broken']).toContain(outcome);
    tally.add('cut answers');
  });

  it('a cut index answer through the dashboard API is a 502, and a cut change is not resent', async () => {
    h.proxy.plan({ kind: 'cut', afterBytes: 20 });
    const api = await browse('/+dashboard/api/users');
    expect(api.status).toBe(502);
    h.proxy.clearLog();
    const patch = await browse(`${DEVPI_PROXY_BASE}/${owner}/dev`, { method: 'PATCH', body: JSON.stringify(['acl_upload+=cut-once']) });
    expect(patch.status).toBe(502);
    expect(h.proxy.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    // devpi applied it before the answer was cut: applied once, visible on the next read.
    const acl = z.array(z.string()).parse((await h.root.getIndex(owner, 'dev', { noProjects: true }))?.acl_upload ?? []);
    expect(acl.filter((p) => p === 'cut-once')).toHaveLength(1);
    tally.add('cut answers', 2);
  });
});

describe('retries', () => {
  const methods: [string, string, string | null, number][] = [
    ['GET', `/${'{owner}'}/dev`, null, 2],
    ['HEAD', `/${'{owner}'}/dev`, null, 2],
    ['POST', `/${'{owner}'}/dev/`, 'x', 1],
    ['PUT', `/${'{owner}'}/other`, '{}', 1],
    ['PATCH', `/${'{owner}'}/dev`, JSON.stringify(['title=t']), 1],
    ['DELETE', `/${'{owner}'}/dev/nope`, null, 1],
  ];
  it.each(methods)('%s %s on a reset connection (body %j) reaches devpi %i time(s) and then 502', async (method, path, body, times) => {
    h.proxy.plan({ kind: 'reset' });
    const res = await browse(`${DEVPI_PROXY_BASE}${path.replace('{owner}', owner)}`, { method, body });
    expect(res.status).toBe(502);
    expect(h.proxy.requests).toHaveLength(times);
    tally.add('requests reset', h.proxy.requests.length);
  });

  it('a GET whose first connection is reset is answered by the one retry', async () => {
    h.proxy.plan((r) => (r.seq === 0 ? { kind: 'reset' } : { kind: 'pass' }));
    const res = await browse(`${DEVPI_PROXY_BASE}/${owner}/dev`);
    expect(res.status).toBe(200);
    expect(h.proxy.requests).toHaveLength(2);
  });
});
