import { CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStore } from '../src/store/index.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { testApp } from './support/test-app.js';
import { startUpstream } from './support/upstream.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) }).strict();

describe('service hygiene', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  let staticDir: string;

  beforeAll(async () => {
    upstream = await startUpstream();
    staticDir = mkdtempSync(join(tmpdir(), 'bff-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>devpi dashboard</title><script type="module" src="/+dashboard/assets/app-1a2b3c.js"></script>');
    writeFileSync(join(staticDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    writeFileSync(join(staticDir, 'favicon.svg'), '<svg/>');
    app = await testApp(upstream.url, { STATIC_DIR: staticDir });
  });
  afterAll(async () => {
    app.close();
    await upstream.close();
  });

  it('sends a strict CSP and anti-framing headers', async () => {
    const res = await request(app.app).get('/healthz').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers /healthz and reports devpi unreachable on /readyz', async () => {
    await request(app.app).get('/healthz').expect(200, { status: 'ok' });
    const down = await testApp('http://127.0.0.1:9');
    try {
      const res = await request(down.app).get('/readyz').expect(503);
      expect(errorBody.parse(res.body).error.code).toBe(errorCodes.devpiUnavailable);
    } finally {
      down.close();
    }
  });

  it('reports the store down on /readyz, though devpi answers', async () => {
    const devpi = await devpiFixture();
    const store = await createStore({ databaseUrl: undefined, dataDir: mkdtempSync(join(tmpdir(), 'bff-readyz-')) });
    const broken = await testApp(devpi.target.url, {}, { store });
    try {
      await request(broken.app).get('/readyz').expect(200, { status: 'ready' });
      await store.close();
      const res = await request(broken.app).get('/readyz').expect(503);
      expect(errorBody.parse(res.body).error.code).toBe(errorCodes.storeUnavailable);
      await request(broken.app).get('/healthz').expect(200, { status: 'ok' });
    } finally {
      await broken.close();
      await store.close();
      await devpi.close();
    }
  });

  it('gives every request an id, keeping a sane one from nginx', async () => {
    const fresh = await request(app.app).get('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app.app).get('/healthz').set('X-Request-Id', 'nginx-req-12345678');
    expect(kept.headers['x-request-id']).toBe('nginx-req-12345678');
    const injected = await request(app.app).get('/healthz').set('X-Request-Id', 'bad id\twith\ttabs');
    expect(injected.headers['x-request-id']).not.toContain('bad');
  });

  it('answers unknown API routes with the one JSON error shape', async () => {
    const res = await request(app.app).get('/+dashboard/api/nope').expect(404);
    expect(errorBody.parse(res.body).error).toEqual({ code: errorCodes.notFound, message: expect.any(String), status: 404 });
    const outside = await request(app.app).get('/elsewhere').expect(404);
    expect(errorBody.parse(outside.body).error.status).toBe(404);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await request(app.app)
      .post('/+dashboard/api/session')
      .set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' })
      .send('{"user": ')
      .expect(400);
    expect(errorBody.parse(res.body).error.code).toBe(errorCodes.validation);
    expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('redacts cookies and credentials from the logs', async () => {
    await request(app.app)
      .get('/+dashboard/api/devpi/+api')
      .set({ Cookie: 'devpi_dashboard_session=secret-cookie', Authorization: 'Basic c2VjcmV0LWF1dGg=', 'X-Devpi-Auth': 'secret-devpi-auth' });
    const log = app.logs.lines.join('\n');
    expect(log).toContain('/+dashboard/api/devpi/+api');
    for (const secret of ['secret-cookie', 'c2VjcmV0LWF1dGg=', 'secret-devpi-auth']) expect(log).not.toContain(secret);
  });

  it('serves the SPA with long-cached hashed assets and an index.html fallback', async () => {
    const asset = await request(app.app).get('/+dashboard/assets/app-1a2b3c.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['cache-control']).toContain('max-age=31536000');
    const page = await request(app.app).get('/+dashboard/users/alice').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('devpi dashboard');
    expect(page.headers['cache-control']).toBe('no-cache');
    await request(app.app).get('/+dashboard/favicon.svg').expect(200);
    await request(app.app).get('/+dashboard/assets/missing-123.js').expect(404);
    await request(app.app).get('/').expect(302).expect('Location', '/+dashboard/');
  });
});
