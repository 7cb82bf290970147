import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DevpiClient, DevpiError, parseFileHref } from '@devpi-dashboard/devpi-client';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { devpiFixture } from './support/devpi-fixtures.js';
import { listen } from './support/listen.js';
import { testApp } from './support/test-app.js';

/** devpi-client pointed at the BFF's proxy, as the SPA uses it, logged in as `user`. */
async function clientThroughBff(bffUrl: string, user: string, password: string) {
  const res = await request(bffUrl).post('/+dashboard/api/session').set({ [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: bffUrl }).send({ user, password }).expect(200);
  const cookie = (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '';
  return new DevpiClient({ baseUrl: `${bffUrl}/+dashboard/api/devpi`, headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, Origin: bffUrl, Cookie: cookie } });
}

describe('devpi through the proxy, as the SPA uses it', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let app: Awaited<ReturnType<typeof testApp>>;
  let bff: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    devpi = await devpiFixture();
    app = await testApp(devpi.target.url);
    bff = await listen(app.app);
  });
  afterAll(async () => {
    await bff?.close();
    app?.close();
    await devpi?.close();
  });

  it('uploads and downloads a release with the session credentials', async () => {
    const alice = await devpi.user('alice');
    await devpi.root.createIndex(alice.name, 'dev', { bases: [] });
    const client = await clientThroughBff(bff.url, alice.name, alice.password);
    const wheel = makeWheel({ name: 'proxy-demo', version: '1.0.0', summary: 'through the BFF' });
    await client.upload(alice.name, 'dev', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version, metadata: wheel.metadata });
    const version = await client.getVersion(alice.name, 'dev', 'proxy-demo', '1.0.0');
    const href = version?.['+links']?.find((link) => link.rel === 'releasefile')?.href ?? '';
    const file = parseFileHref(href);
    expect(file).toBeDefined();
    const bytes = await client.downloadFile(alice.name, 'dev', file?.path ?? '');
    expect(Buffer.from(bytes).equals(wheel.content)).toBe(true);
  });

  it("passes devpi's refusal through, reason phrase included, for a user who may not upload", async () => {
    const owner = await devpi.user('owner');
    const bob = await devpi.user('bob');
    await devpi.root.createIndex(owner.name, 'prod', { bases: [] });
    const client = await clientThroughBff(bff.url, bob.name, bob.password);
    const wheel = makeWheel({ name: 'refused', version: '1.0.0' });
    const error = await client
      .upload(owner.name, 'prod', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version })
      .then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DevpiError);
    expect(error instanceof DevpiError && error.status).toBe(403);
    expect(error instanceof DevpiError && error.message).toMatch(/no permission/);
  });
});

describe('the proxy never hands the browser a devpi token', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let app: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    devpi = await devpiFixture();
    app = await testApp(devpi.target.url);
  });
  afterAll(async () => {
    app?.close();
    await devpi?.close();
  });

  const spa = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin', Accept: 'application/json', 'Content-Type': 'application/json' };
  const sessionCookie = (res: request.Response) =>
    (z.array(z.string()).parse(res.headers['set-cookie']).find((c) => c.startsWith('devpi_dashboard_session=') && !/Max-Age=0/.test(c)) ?? '').split(';')[0] ?? '';

  it('refuses /+login through the proxy', async () => {
    const user = await devpi.user('minter');
    const res = await request(app.app).post('/+dashboard/api/devpi/+login').set(spa).send({ user: user.name, password: user.password }).expect(403);
    expect(res.text).not.toContain('proxyauth');
  });

  it('scrubs the new token from a password change and keeps the session going with it', async () => {
    const user = await devpi.user('changer');
    const login = await request(app.app).post('/+dashboard/api/session').set(spa).send({ user: user.name, password: user.password }).expect(200);
    const res = await request(app.app)
      .patch(`/+dashboard/api/devpi/${user.name}`)
      .set({ ...spa, Cookie: sessionCookie(login) })
      .send({ password: 'brand-new-password' })
      .expect(200);
    expect(res.text).not.toMatch(/userpassword|"password"/);
    expect(z.object({ message: z.string() }).strict().parse(res.body).message).toMatch(/user updated/);
    const renewed = sessionCookie(res);
    expect(renewed).not.toBe('');
    await request(app.app).get('/+dashboard/api/session').set('Cookie', renewed).expect(200);
    await request(app.app).get('/+dashboard/api/session').set('Cookie', sessionCookie(login)).expect(401);
    await request(app.app).post('/+dashboard/api/session').set(spa).send({ user: user.name, password: 'brand-new-password' }).expect(200);
  });
});
