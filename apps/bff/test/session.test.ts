import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sessionSchema, CSRF_HEADER, CSRF_HEADER_VALUE, errorCodes } from '@devpi-dashboard/dashboard-api';
import { devpiFixture } from './support/devpi-fixtures.js';
import { testApp } from './support/test-app.js';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), status: z.number() }) });
const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' };
const cookieOf = (res: request.Response): string => {
  const raw = z.array(z.string()).parse(res.headers['set-cookie']);
  const cookie = raw.find((c) => c.startsWith('devpi_dashboard_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie;
};
const cookiePair = (setCookie: string) => setCookie.split(';')[0] ?? '';

describe('sessions', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  beforeAll(async () => {
    devpi = await devpiFixture();
  });
  afterAll(async () => {
    await devpi?.close();
  });

  const login = (app: Parameters<typeof request>[0], user: string, password: string, headers: Record<string, string> = {}) =>
    request(app).post('/+dashboard/api/session').set({ ...csrf, ...headers }).send({ user, password });

  it('logs in through devpi and keeps the token in an HttpOnly, SameSite=Strict cookie', async () => {
    const alice = await devpi.user('alice');
    const { app, close } = await testApp(devpi.target.url);
    try {
      const res = await login(app, alice.name, alice.password).expect(200);
      const session = sessionSchema.parse(res.body);
      expect(session).toMatchObject({ authenticated: true, user: alice.name, isRoot: false, rootPasswordEmpty: null });
      const cookie = cookieOf(res);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/\+dashboard/);
      expect(cookie).not.toMatch(/Secure/i);
      expect(res.text).not.toMatch(/"token"|password/);
      // devpi sees the session's user on proxied requests.
      const api = await request(app).get('/+dashboard/api/devpi/+api').set({ Accept: 'application/json', Cookie: cookiePair(cookie) }).expect(200);
      expect(z.object({ result: z.object({ authstatus: z.tuple([z.string(), z.string(), z.array(z.string())]) }) }).parse(api.body).result.authstatus.slice(0, 2)).toEqual([
        'ok',
        alice.name,
      ]);
      const who = await request(app).get('/+dashboard/api/session').set('Cookie', cookiePair(cookie)).expect(200);
      expect(sessionSchema.parse(who.body).user).toBe(alice.name);
    } finally {
      close();
    }
  });

  it('marks the cookie Secure behind https and never outlives devpi token', async () => {
    const bob = await devpi.user('bob');
    const now = Date.now();
    const { app, close } = await testApp(devpi.target.url, { PUBLIC_URL: 'https://pypi.example.com' }, { now: () => now });
    try {
      const res = await login(app, bob.name, bob.password).expect(200);
      expect(cookieOf(res)).toMatch(/Secure/);
      const expiresAt = Date.parse(sessionSchema.parse(res.body).expiresAt ?? '');
      expect(expiresAt).toBeLessThanOrEqual(now + 36_000_000);
    } finally {
      close();
    }
  });

  it('reports whether root still has an empty password, to root only', async () => {
    const { app, close } = await testApp(devpi.target.url);
    try {
      const res = await login(app, 'root', devpi.target.rootPassword).expect(200);
      const session = sessionSchema.parse(res.body);
      expect(session.isRoot).toBe(true);
      expect(session.rootPasswordEmpty).toBe(devpi.target.rootPassword === '');
      const who = await request(app).get('/+dashboard/api/session').set('Cookie', cookiePair(cookieOf(res))).expect(200);
      expect(sessionSchema.parse(who.body).rootPasswordEmpty).toBe(devpi.target.rootPassword === '');
      const anonymous = await request(app).get('/+dashboard/api/session').expect(200);
      expect(sessionSchema.parse(anonymous.body)).toMatchObject({ authenticated: false, user: null, rootPasswordEmpty: null });
    } finally {
      close();
    }
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const carol = await devpi.user('carol');
    const { app, close } = await testApp(devpi.target.url);
    try {
      const wrong = await login(app, carol.name, 'nope').expect(401);
      const unknown = await login(app, `${carol.name}-ghost`, 'nope').expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(errorBody.parse(wrong.body).error.code).toBe(errorCodes.invalidCredentials);
    } finally {
      close();
    }
  });

  it('rate-limits failed logins per account, even with the right password afterwards', async () => {
    const dave = await devpi.user('dave');
    const { app, close } = await testApp(devpi.target.url);
    try {
      for (let i = 0; i < 5; i += 1) await login(app, dave.name, 'wrong').expect(401);
      const blocked = await login(app, dave.name, dave.password).expect(429);
      expect(errorBody.parse(blocked.body).error.code).toBe(errorCodes.tooManyAttempts);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      close();
    }
  });

  it('never counts successful logins: many colleagues behind one NAT address can all sign in', async () => {
    const erin = await devpi.user('erin');
    const { app, close } = await testApp(devpi.target.url, { TRUST_PROXY_HOPS: '1' });
    try {
      for (let i = 0; i < 30; i += 1) await login(app, erin.name, erin.password, { 'X-Forwarded-For': '203.0.113.50' }).expect(200);
    } finally {
      close();
    }
    // 30 real logins: a real devpi-server checks each password with argon2 (about 0.8 s on a busy machine).
  }, 120_000);

  it('rate-limits per client IP, trusting exactly TRUST_PROXY_HOPS proxies', async () => {
    const behindNginx = await testApp(devpi.target.url, { TRUST_PROXY_HOPS: '1' });
    const direct = await testApp(devpi.target.url);
    try {
      for (let i = 0; i < 20; i += 1) await login(behindNginx.app, `ghost-${i}`, 'x', { 'X-Forwarded-For': '203.0.113.7' }).expect(401);
      await login(behindNginx.app, 'ghost-x', 'x', { 'X-Forwarded-For': '203.0.113.7' }).expect(429);
      // A client cannot forge its way out: with one trusted hop only the address nginx appended counts.
      await login(behindNginx.app, 'ghost-x', 'x', { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7' }).expect(429);
      await login(behindNginx.app, 'ghost-y', 'x', { 'X-Forwarded-For': '203.0.113.8' }).expect(401);
      // Without trusted proxies X-Forwarded-For is ignored altogether.
      for (let i = 0; i < 20; i += 1) await login(direct.app, `ghost-${i}`, 'x', { 'X-Forwarded-For': `10.0.0.${i}` }).expect(401);
      await login(direct.app, 'ghost-z', 'x', { 'X-Forwarded-For': '10.9.9.9' }).expect(429);
    } finally {
      behindNginx.close();
      direct.close();
    }
  });

  it('logs out: this replica refuses the old cookie afterwards', async () => {
    const erin = await devpi.user('erin');
    const { app, close } = await testApp(devpi.target.url);
    try {
      const cookie = cookiePair(cookieOf(await login(app, erin.name, erin.password).expect(200)));
      const out = await request(app).delete('/+dashboard/api/session').set({ ...csrf, Cookie: cookie }).expect(204);
      expect(cookieOf(out)).toMatch(/Max-Age=0/);
      // Public settings still load, and leave the cookie for /session to report as expired.
      const config = await request(app).get('/+dashboard/api/config').set('Cookie', cookie).expect(200);
      expect(config.headers['set-cookie']).toBeUndefined();
      const replay = await request(app).get('/+dashboard/api/session').set('Cookie', cookie).expect(401);
      expect(errorBody.parse(replay.body).error.code).toBe(errorCodes.sessionExpired);
      expect(cookieOf(replay)).toMatch(/Max-Age=0/);
      await request(app).get('/+dashboard/api/devpi/+api').set('Cookie', cookie).expect(401);
    } finally {
      close();
    }
  });

  it('ends idle sessions and sessions past their maximum age', async () => {
    const frank = await devpi.user('frank');
    let now = Date.now();
    const { app, close } = await testApp(devpi.target.url, { SESSION_IDLE_S: '600', SESSION_MAX_AGE_S: '900' }, { now: () => now });
    try {
      let cookie = cookiePair(cookieOf(await login(app, frank.name, frank.password).expect(200)));
      now += 601_000;
      await request(app).get('/+dashboard/api/users').set('Cookie', cookie).expect(401);

      cookie = cookiePair(cookieOf(await login(app, frank.name, frank.password).expect(200)));
      now += 500_000;
      const touched = await request(app).get('/+dashboard/api/session').set('Cookie', cookie).expect(200);
      cookie = cookiePair(cookieOf(touched));
      now += 401_000;
      const expired = await request(app).get('/+dashboard/api/session').set('Cookie', cookie).expect(401);
      expect(errorBody.parse(expired.body).error.code).toBe(errorCodes.sessionExpired);
    } finally {
      close();
    }
  });

  it('shares sessions between replicas with the same secret only', async () => {
    const gina = await devpi.user('gina');
    const one = await testApp(devpi.target.url);
    const two = await testApp(devpi.target.url);
    const other = await testApp(devpi.target.url, { SESSION_SECRET: 'another-secret-another-secret-another' });
    try {
      const cookie = cookiePair(cookieOf(await login(one.app, gina.name, gina.password).expect(200)));
      const seen = await request(two.app).get('/+dashboard/api/session').set('Cookie', cookie).expect(200);
      expect(sessionSchema.parse(seen.body).user).toBe(gina.name);
      await request(other.app).get('/+dashboard/api/session').set('Cookie', cookie).expect(401);
    } finally {
      one.close();
      two.close();
      other.close();
    }
  });

  it('answers 401 session_expired when devpi stops accepting the token', async () => {
    const hank = await devpi.user('hank');
    const { app, close } = await testApp(devpi.target.url);
    try {
      const cookie = cookiePair(cookieOf(await login(app, hank.name, hank.password).expect(200)));
      // Tokens of a deleted user stop working; devpi then treats requests as anonymous and refuses
      // what anonymous may not do with 403. (PATCH /hank itself would be devpi's 404 "no user 'hank'":
      // devpi looks the user up before it checks permissions.)
      await devpi.root.deleteUser(hank.name);
      const res = await request(app)
        .patch('/+dashboard/api/devpi/root/pypi')
        .set({ ...csrf, Cookie: cookie, Accept: 'application/json', 'Content-Type': 'application/json' })
        .send(['title=taken over'])
        .expect(401);
      expect(errorBody.parse(res.body).error.code).toBe(errorCodes.sessionExpired);
      expect(cookieOf(res)).toMatch(/Max-Age=0/);
    } finally {
      close();
    }
  });
});
