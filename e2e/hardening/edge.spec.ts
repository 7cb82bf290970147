/// <reference lib="dom" />
// What the browser and the load balancer expose: no devpi token anywhere JavaScript or the network
// tab could reach it, nginx's security headers on every kind of answer, and a CI-sized load run
// through nginx and the BFF without a single error.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import autocannon from 'autocannon';
import { expect, test } from '../fixtures/test.js';

/** A devpi token as devpi (and the double) mint it, raw or inside a JSON string. */
const DEVPI_TOKEN = /\[\\?"[^"\\]*\\?", \[[^\]]*\], (true|false)\]\.[\w-]+\.[\w-]+/;

test('the devpi token is in no storage, no JS-readable cookie and no response the browser gets', async ({ page, seed, app }) => {
  const user = await seed.user('tokenless');
  const bodies: string[] = [];
  page.on('response', async (res) => {
    if (!res.url().includes('/+dashboard/')) return;
    const headerText = (await res.headersArray()).map((h) => `${h.name}: ${h.value}`).join('\n');
    bodies.push(headerText, await res.text().catch(() => ''));
  });
  await app.login.goto();
  await app.login.signIn(user.name, user.password);
  await expect(app.shell.currentUser(user.name)).toBeVisible();
  for (const path of ['users', `users/${user.name}`, 'indexes', 'permissions', 'status']) {
    await page.goto(path);
    await expect(app.shell.heading(/./)).toBeVisible();
  }
  const exposed = await page.evaluate(async () => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '') ?? ''}`);
    const dbs = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
    return { local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, dbs };
  });
  expect(exposed.cookie).not.toContain('devpi_dashboard_session');
  for (const value of [...exposed.local, ...exposed.session, exposed.cookie, ...exposed.dbs]) {
    expect(value).not.toMatch(DEVPI_TOKEN);
    expect(value).not.toContain(user.password);
  }
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'devpi_dashboard_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Strict');
  expect(session?.path).toBe('/+dashboard');
  expect(bodies.length).toBeGreaterThan(10);
  for (const text of bodies) expect(text).not.toMatch(DEVPI_TOKEN);
});

test('nginx security headers on the dashboard, on devpi, on uploaded docs and on its own answers', async ({ request, topology }) => {
  const lb = topology.lbUrl;
  const targets: [string, string, Record<string, string>][] = [
    ['SPA', `${lb}/+dashboard/`, { Accept: 'text/html' }],
    ['dashboard API', `${lb}/+dashboard/api/session`, { Accept: 'application/json' }],
    ['dashboard 404', `${lb}/+dashboard/api/nope`, { Accept: 'application/json' }],
    ['devpi JSON', `${lb}/root/pypi?no_projects=`, { Accept: 'application/json' }],
    ['devpi simple page', `${lb}/root/pypi/+simple/`, { Accept: 'text/html' }],
    ['devpi 404', `${lb}/nobody-${Date.now()}`, { Accept: 'application/json' }],
    ['uploaded docs', `${lb}/root/pypi/x/1.0/+doc/index.html`, { Accept: 'text/html' }],
    ['nginx health', `${lb}/+nginx-health`, {}],
    ['changelog refused', `${lb}/+changelog/1`, {}],
  ];
  for (const [what, url, headers] of targets) {
    const res = await request.get(url, { headers, maxRedirects: 0 });
    const all = res.headersArray();
    const values = (name: string) => all.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    expect(values('x-content-type-options'), what).toEqual(['nosniff']);
    expect(values('x-frame-options'), what).toHaveLength(1);
    expect(values('referrer-policy'), what).toHaveLength(1);
    expect(values('server').join(), what).not.toMatch(/\d/);
    if (what.startsWith('SPA') || what.startsWith('dashboard')) {
      expect(values('content-security-policy'), what).toHaveLength(1);
      expect(values('content-security-policy')[0], what).toContain("script-src 'self'");
      expect(values('x-frame-options'), what).toEqual(['DENY']);
    }
    if (what === 'uploaded docs') expect(values('content-security-policy'), what).toEqual(['sandbox']);
  }
});

test('a CI-sized load run through nginx and the BFF, next to nginx to devpi, without one error', async ({ topology }) => {
  test.setTimeout(60_000);
  const lb = topology.lbUrl;
  const login = await fetch(`${lb}/+dashboard/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: lb },
    body: JSON.stringify({ user: 'root', password: topology.rootPassword }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='))?.split(';')[0] ?? '';
  const runs: [string, string, Record<string, string>][] = [
    ['nginx -> devpi', `${lb}/root/pypi?no_projects=`, { Accept: 'application/json' }],
    ['nginx -> BFF proxy -> devpi', `${lb}/+dashboard/api/devpi/root/pypi?no_projects=`, { Accept: 'application/json', Cookie: cookie }],
    ['nginx -> BFF API -> devpi', `${lb}/+dashboard/api/indexes`, { Accept: 'application/json', Cookie: cookie }],
  ];
  for (const [what, url, headers] of runs) {
    // autocannon ignores `Connection: close`, which nginx sends after keepalive_requests (1000)
    // on one connection, and then writes into the closing socket; reconnecting every 500
    // requests behaves like a browser does. Errors are named in the failure message.
    const errorCodes: string[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ url, headers, connections: 10, duration: 3, reconnectRate: 500 }, (error, done) => (error ? reject(error) : resolve(done)));
      run.on('reqError', (error: Error) => errorCodes.push(String(Reflect.get(error, 'code') ?? error.message)));
    });
    expect({ what, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, errorCodes }).toEqual({ what, errors: 0, timeouts: 0, non2xx: 0, errorCodes: [] });
    expect(result.requests.total).toBeGreaterThan(0);
    test.info().annotations.push({ type: 'load', description: `${what}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, 0 errors` });
  }
});
