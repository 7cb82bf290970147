import { CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rawRequest } from './support/raw-request.js';
import { listen } from './support/listen.js';
import { testApp } from './support/test-app.js';
import { startUpstream, type SeenRequest } from './support/upstream.js';

const echoed = z.object({ method: z.string(), url: z.string(), headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])) });
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });

describe('devpi proxy: what reaches devpi', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let bff: Awaited<ReturnType<typeof listen>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  const csrf = () => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: bff.url });

  beforeAll(async () => {
    upstream = await startUpstream((req, res, seen: SeenRequest) => {
      if (seen.url === '/redirect') {
        res.writeHead(302, { Location: 'https://pypi.example.com/root/acme/acme-hello', 'Set-Cookie': 'devpi=1' });
        res.end();
      } else if (seen.url === '/reason') {
        res.writeHead(409, 'acme-0.1.whl already exists in non-volatile index', { 'content-type': 'application/json' });
        res.end('{"message":"\\n\\n"}');
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: seen.method, url: seen.url, headers: seen.headers }));
      }
    });
    app = await testApp(upstream.url, { PUBLIC_URL: 'https://pypi.example.com' });
    bff = await listen(app.app);
  });
  afterAll(async () => {
    await bff.close();
    app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.seen.length = 0;
  });

  it('strips client credentials, forwarding and hop-by-hop headers and sets X-outside-url', async () => {
    const res = await rawRequest(bff.url, 'GET', '/+dashboard/api/devpi/root/pypi?no_projects=', {
      Accept: 'application/json',
      'X-Devpi-Auth': 'cm9vdDpzdG9sZW4=',
      Authorization: 'Basic cm9vdDpzdG9sZW4=',
      Cookie: 'other=1',
      'X-outside-url': 'http://evil.example',
      'X-Forwarded-For': '6.6.6.6',
      'X-Forwarded-Host': 'evil.example',
      Forwarded: 'for=6.6.6.6',
      'Proxy-Authorization': 'Basic eDp5',
      Connection: 'keep-alive, X-Hop',
      'X-Hop': 'secret',
      TE: 'trailers',
    });
    expect(res.status).toBe(200);
    const seen = echoed.parse(JSON.parse(res.body));
    expect(seen.url).toBe('/root/pypi?no_projects=');
    expect(seen.headers['accept']).toBe('application/json');
    expect(seen.headers['x-outside-url']).toBe('https://pypi.example.com');
    for (const name of ['x-devpi-auth', 'authorization', 'cookie', 'x-forwarded-for', 'x-forwarded-host', 'forwarded', 'proxy-authorization', 'x-hop', 'te']) {
      expect(seen.headers[name], name).toBeUndefined();
    }
  });

  it('reuses one keep-alive connection to devpi for sequential requests, whatever the browser asked', async () => {
    let connections = 0;
    const onConnection = () => (connections += 1);
    upstream.server.on('connection', onConnection);
    try {
      for (let i = 0; i < 10; i += 1) {
        const res = await rawRequest(bff.url, 'GET', '/+dashboard/api/devpi/+api', { Connection: 'close' });
        expect(res.status).toBe(200);
        expect(echoed.parse(JSON.parse(res.body)).headers['connection']).toBe('keep-alive');
      }
      expect(connections).toBeLessThanOrEqual(1);
    } finally {
      upstream.server.off('connection', onConnection);
    }
  });

  it('drops X-outside-url entirely when PUBLIC_URL is unset', async () => {
    const plain = await testApp(upstream.url);
    const server = await listen(plain.app);
    try {
      const res = await rawRequest(server.url, 'GET', '/+dashboard/api/devpi/+api', { 'X-outside-url': 'http://evil.example' });
      expect(echoed.parse(JSON.parse(res.body)).headers['x-outside-url']).toBeUndefined();
    } finally {
      await server.close();
      plain.close();
    }
  });

  it.each([
    '/+dashboard/api/devpi/root/../etc/passwd',
    '/+dashboard/api/devpi/root/%2e%2e/x',
    '/+dashboard/api/devpi/root/%2E%2E/x',
    '/+dashboard/api/devpi/root%2fpypi',
    '/+dashboard/api/devpi/root%5cpypi',
    '/+dashboard/api/devpi/root\\pypi',
    '/+dashboard/api/devpi//evil.example/x',
    '/+dashboard/api/devpi/http://evil.example/',
  ])('refuses %s with 400 before anything reaches devpi', async (target) => {
    const res = await rawRequest(bff.url, 'GET', target);
    expect(res.status).toBe(400);
    expect(errorBody.parse(JSON.parse(res.body)).error.code).toBe(errorCodes.pathRefused);
    expect(upstream.seen).toEqual([]);
  });

  it('refuses an absolute-form request target', async () => {
    const res = await rawRequest(bff.url, 'GET', `${upstream.url}/+dashboard/api/devpi/+api`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(upstream.seen).toEqual([]);
  });

  it.each(['OPTIONS', 'TRACE', 'PROPFIND'])('refuses method %s', async (method) => {
    const res = await rawRequest(bff.url, method, '/+dashboard/api/devpi/root/pypi', csrf());
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(upstream.seen).toEqual([]);
  });

  it('refuses a dict PATCH to an index, whatever its content type', async () => {
    for (const type of ['application/json', 'text/plain']) {
      const res = await rawRequest(bff.url, 'PATCH', '/+dashboard/api/devpi/root/acme', { ...csrf(), 'Content-Type': type }, '{"acl_upload":["bob"]}');
      expect(res.status).toBe(400);
      expect(errorBody.parse(JSON.parse(res.body)).error.code).toBe(errorCodes.indexPatchFormRefused);
    }
    expect(upstream.seen).toEqual([]);
  });

  it('forwards a list-of-operations PATCH byte for byte', async () => {
    const body = '["acl_upload+=bob", "title=Acme"]';
    const res = await rawRequest(bff.url, 'PATCH', '/+dashboard/api/devpi/root/acme', { ...csrf(), 'Content-Type': 'application/json' }, body);
    expect(res.status).toBe(200);
    expect(upstream.seen[0]?.body.toString('utf8')).toBe(body);
    expect(upstream.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('refuses an index PATCH body too large to be a list of operations', async () => {
    const huge = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `title=${i}`));
    const res = await rawRequest(bff.url, 'PATCH', '/+dashboard/api/devpi/root/acme', { ...csrf(), 'Content-Type': 'application/json' }, huge);
    expect(res.status).toBe(413);
    expect(upstream.seen).toEqual([]);
  });

  it('lets a dict PATCH to a user through (devpi has no list form for users)', async () => {
    const res = await rawRequest(bff.url, 'PATCH', '/+dashboard/api/devpi/alice', { ...csrf(), 'Content-Type': 'application/json' }, '{"email":"a@example.com"}');
    expect(res.status).toBe(200);
    expect(upstream.seen[0]?.body.toString('utf8')).toBe('{"email":"a@example.com"}');
  });

  it('keeps redirects inside the proxy and drops cookies devpi might set', async () => {
    const res = await rawRequest(bff.url, 'GET', '/+dashboard/api/devpi/redirect');
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe('/+dashboard/api/devpi/root/acme/acme-hello');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it("passes devpi's error status and reason phrase through unchanged", async () => {
    const res = await rawRequest(bff.url, 'GET', '/+dashboard/api/devpi/reason');
    expect(res.status).toBe(409);
    expect(res.statusMessage).toBe('acme-0.1.whl already exists in non-volatile index');
    expect(res.body).toBe('{"message":"\\n\\n"}');
  });
});
