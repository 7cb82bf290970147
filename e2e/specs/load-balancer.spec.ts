// nginx in front of devpi and the dashboard: the URLs clients always used still work, the
// dashboard sits under /+dashboard/, and the headers and limits are the ones the template sets.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { uniqueName } from '@devpi-dashboard/devpi-sim';
import { buildWheel, twineUpload } from '../fixtures/python.js';
import { repoRoot } from '../support/paths.js';
import { expect, test } from '../fixtures/test.js';

/** A GET from another loopback source address, which nginx must treat as a remote client. */
function getFrom(localAddress: string, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body nginx's own refusal of /+changelog carries (nginx/templates), unlike any devpi answer. */
const NGINX_REFUSAL = 'refused by nginx';

test.describe('load balancer', () => {
  test('serves devpi at its usual URLs with links built from X-outside-url', async ({ request, topology, seed }) => {
    const user = await seed.user('lb');
    const res = await request.get(`${topology.lbUrl}/${user.name}`, { headers: { Accept: 'application/json' } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ type: 'userconfig', result: { username: user.name } });

    // A stage of our own: root/pypi would ask pypi.org, which a machine without internet cannot reach.
    const index = await seed.index(user.name, 'lb');
    const simple = await request.get(`${topology.lbUrl}/${index.stage}/+simple/`, { headers: { Accept: 'application/vnd.pypi.simple.v1+json' } });
    expect(simple.status()).toBe(200);
    expect(await simple.json()).toMatchObject({ meta: { 'api-version': '1.0' }, projects: [] });
    const api = await request.get(`${topology.lbUrl}/${index.stage}/+api`, { headers: { Accept: 'application/json' } });
    // devpi builds absolute URLs from X-outside-url: they must point through nginx.
    expect(JSON.stringify(await api.json())).toContain(`${topology.lbUrl}/${index.stage}/+simple/`);
  });

  test('sends the security headers, with HSTS only over TLS', async ({ request, topology }) => {
    const res = await request.get(`${topology.lbUrl}/+api`, { headers: { Accept: 'application/json' } });
    const headers = res.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBeTruthy();
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers.server).toBe('nginx');
  });

  test('does not repeat a security header the dashboard already set', async ({ request, topology }) => {
    const res = await request.get(`${topology.lbUrl}/+dashboard/`);
    expect(res.status()).toBe(200);
    const nosniff = res.headersArray().filter((h) => h.name.toLowerCase() === 'x-content-type-options');
    expect(nosniff).toHaveLength(1);
  });

  test('sandboxes uploaded documentation, directly and through the dashboard proxy', async ({ request, topology }) => {
    for (const path of ['/root/acme/acme/1.0/+doc/index.html', '/root/acme/acme/1.0/+d/index.html', '/+dashboard/api/devpi/root/acme/acme/1.0/+doc/index.html']) {
      const res = await request.get(`${topology.lbUrl}${path}`);
      // Browsers enforce every CSP header they get; the BFF's own policy may come alongside.
      const policies = res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);
      expect(policies, path).toContain('sandbox');
    }
  });

  test('keeps /+changelog to loopback and the internal network', async ({ topology }) => {
    const url = new URL('/+changelog/0', topology.lbUrl).toString();
    const outside = await getFrom('127.0.0.2', url);
    expect(outside.status).toBe(403);
    expect(outside.body).toContain(NGINX_REFUSAL);
    // From loopback nginx passes it on: a primary answers with changes, a standalone devpi-server
    // refuses it itself (403 "Replication protocol disabled"); either way it is devpi that answers.
    const inside = await getFrom('127.0.0.1', url);
    expect(inside.body).not.toContain(NGINX_REFUSAL);
    if (inside.status === 403) expect(inside.body).toContain('Replication protocol disabled');
  });

  test('gzips JSON and the SPA assets', async ({ topology, seed }) => {
    // Node's fetch decompresses silently but keeps the Content-Encoding header, which is what
    // tells us nginx compressed. A long description makes the listing larger than gzip_min_length.
    await seed.user('gz', { description: 'A user with a long description. '.repeat(80) });
    const listing = await fetch(`${topology.lbUrl}/`, { headers: { Accept: 'application/json', 'Accept-Encoding': 'gzip' } });
    expect(listing.headers.get('content-encoding')).toBe('gzip');
    expect(listing.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(await listing.json()).toMatchObject({ type: 'list:userconfig' });

    const html = await (await fetch(`${topology.lbUrl}/+dashboard/`)).text();
    const script = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script ?? '', `${topology.lbUrl}/+dashboard/`), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    // Sent from disk (gzip_static), not compressed per request: exactly the build's .gz twin,
    // with a length (nginx streams what it compresses on the fly without one) and cached for good.
    const twin = statSync(join(repoRoot, 'apps/web/dist', new URL(script ?? '', topology.lbUrl).pathname.replace(/^\/\+dashboard\//, '') + '.gz'));
    expect(Number(asset.headers.get('content-length'))).toBe(twin.size);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    // An asset this nginx has no copy of is still asked of the dashboard.
    const missing = await fetch(`${topology.lbUrl}/+dashboard/assets/not-built-0000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
  });

  test('takes wheels far above nginx\'s default 1 MB body limit, streamed to devpi', async ({ topology, seed, root }) => {
    const owner = await seed.user('big');
    const index = await seed.index(owner.name, 'big');
    const wheel = await buildWheel(uniqueName('e2e-big'), '1.0.0', '# big\n', 8 * 1024 * 1024);
    expect(statSync(wheel.path).size).toBeGreaterThan(5 * 1024 * 1024);
    twineUpload(topology.lbUrl, index.stage, owner.name, owner.password, wheel.path);
    const version = await root.getVersion(owner.name, index.index, wheel.name, '1.0.0');
    expect(version?.['+links']?.map((link) => link.href.split('/').pop())).toContain(wheel.filename);
  });

  test('hides the BFF health endpoints and redirects /+dashboard to the SPA', async ({ request, topology }) => {
    const redirect = await request.get(`${topology.lbUrl}/+dashboard`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(301);
    expect(redirect.headers().location).toBe('/+dashboard/');
    // /healthz is the BFF's, at its root; through nginx that path belongs to devpi, which has none.
    const healthz = await request.get(`${topology.lbUrl}/healthz`);
    expect(healthz.status()).toBe(404);
  });
});
