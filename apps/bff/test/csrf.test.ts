import { CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp } from './support/test-app.js';
import { startUpstream } from './support/upstream.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });

describe('CSRF: state-changing API requests', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  const target = '/+dashboard/api/devpi/root/acme/';

  beforeAll(async () => {
    upstream = await startUpstream();
    app = await testApp(upstream.url, { PUBLIC_URL: 'https://pypi.example.com' });
  });
  afterAll(async () => {
    app.close();
    await upstream.close();
  });

  const refused = async (headers: Record<string, string>, method: 'post' | 'put' | 'patch' | 'delete' = 'post') => {
    const before = upstream.seen.length;
    const res = await request(app.app)[method](target).set(headers).send('x').expect(403);
    expect(errorBody.parse(res.body).error.code).toBe(errorCodes.csrf);
    expect(upstream.seen.length).toBe(before);
  };

  it('refuses without the custom header, even from our own origin', async () => {
    await refused({ 'Sec-Fetch-Site': 'same-origin' });
    await refused({ Origin: 'https://pypi.example.com' }, 'delete');
  });

  it('refuses another origin, a cross-site fetch and a request that says nothing about its origin', async () => {
    await refused({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: 'https://evil.example' });
    await refused({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: 'null' }, 'put');
    await refused({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'cross-site' }, 'patch');
    await refused({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-site', Origin: 'https://pypi.example.com' });
    await refused({ [CSRF_HEADER]: CSRF_HEADER_VALUE });
  });

  it('refuses the login too (login CSRF)', async () => {
    await request(app.app).post('/+dashboard/api/session').send({ user: 'root', password: '' }).expect(403);
  });

  it('accepts the header with the public origin, our own origin, or Sec-Fetch-Site same-origin', async () => {
    await request(app.app).post(target).set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: 'https://pypi.example.com' }).send('x').expect(200);
    const own = await request(app.app).post(target).set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Host: 'dash.example:8080', Origin: 'http://dash.example:8080' }).send('x');
    expect(own.status).toBe(200);
    await request(app.app).post(target).set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' }).send('x').expect(200);
  });

  it('does not ask reads for anything', async () => {
    await request(app.app).get('/+dashboard/api/devpi/root/pypi').expect(200);
  });
});
