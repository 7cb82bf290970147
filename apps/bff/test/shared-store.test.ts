// Replicas that share SESSION_SECRET and one store: logout and the login limits hold on all of them.
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import { createStore, type Store } from '../src/store/index.js';
import { forEachDialect } from '../src/test-support/store-dialects.js';
import { LOGIN_LIMITS } from '../src/routes/session.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { loginCounter } from './support/login-counter.js';
import { testApp } from './support/test-app.js';

const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' };
const cookiePair = (res: request.Response): string => {
  const raw = z.array(z.string()).parse(res.headers['set-cookie']);
  const cookie = raw.find((c) => c.startsWith('devpi_dashboard_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
};

forEachDialect('replicas sharing a store', (target) => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let counter: Awaited<ReturnType<typeof loginCounter>>;
  let store: Store;
  let replicas: Awaited<ReturnType<typeof testApp>>[];
  beforeAll(async () => {
    devpi = await devpiFixture();
    counter = await loginCounter(devpi.target.url);
    store = await createStore(await target.freshConfig());
    // Behind one trusted proxy, so each test picks the client address it speaks from.
    replicas = await Promise.all([1, 2, 3].map(() => testApp(counter.url, { TRUST_PROXY_HOPS: '1' }, { store })));
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await store?.close();
    await counter?.close();
    await devpi?.close();
    target.cleanup();
  });

  const appOf = (replica: number) => {
    const app = replicas[replica]?.app;
    if (app === undefined) throw new Error(`no replica ${replica}`);
    return app;
  };
  const login = (replica: number, user: string, password: string, address: string) =>
    request(appOf(replica)).post('/+dashboard/api/session').set({ ...csrf, 'X-Forwarded-For': address }).send({ user, password });

  it('ends a session on every replica when it logs out on one', async () => {
    const alice = await devpi.user('alice');
    const res = await login(0, alice.name, alice.password, '10.0.0.1').expect(200);
    const cookie = cookiePair(res);
    await request(appOf(1)).get('/+dashboard/api/session').set('Cookie', cookie).expect(200);
    await request(appOf(0)).delete('/+dashboard/api/session').set({ ...csrf, Cookie: cookie }).expect(204);
    for (const replica of [1, 2]) {
      const after = await request(appOf(replica)).get('/+dashboard/api/session').set('Cookie', cookie).expect(401);
      expect(after.body).toMatchObject({ error: { code: 'session_expired' } });
    }
  });

  it('lets at most the account limit of 40 parallel wrong passwords on one replica reach devpi', async () => {
    const carol = await devpi.user('carol');
    const before = counter.logins();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(0, carol.name, 'wrong', `10.4.${i}.1`)));
    expect(counter.logins() - before).toBeLessThanOrEqual(LOGIN_LIMITS.perAccountFailures.limit);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LOGIN_LIMITS.perAccountFailures.limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40 - LOGIN_LIMITS.perAccountFailures.limit);
  });

  it('lets at most the account limit of 40 parallel wrong passwords over 3 replicas reach devpi', async () => {
    const bob = await devpi.user('bob');
    const before = counter.logins();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(i % 3, bob.name, 'wrong', `10.1.${i}.1`)),
    );
    expect(counter.logins() - before).toBeLessThanOrEqual(LOGIN_LIMITS.perAccountFailures.limit);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LOGIN_LIMITS.perAccountFailures.limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40 - LOGIN_LIMITS.perAccountFailures.limit);
    // Locked out on every replica, even with the right password.
    for (const replica of [0, 1, 2]) await login(replica, bob.name, bob.password, '10.2.0.1').expect(429);
  });

  it('holds the per-address limit over 3 replicas too, for guesses at many accounts', async () => {
    const limit = LOGIN_LIMITS.perIpFailures.limit;
    const before = counter.logins();
    const answers = await Promise.all(
      Array.from({ length: limit * 2 }, (_, i) => login(i % 3, `nobody-${i}`, 'wrong', '10.3.0.1')),
    );
    expect(counter.logins() - before).toBeLessThanOrEqual(limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(limit);
  });

  it('holds the per-address limit on one replica for parallel guesses at many accounts', async () => {
    const limit = LOGIN_LIMITS.perIpFailures.limit;
    const before = counter.logins();
    const answers = await Promise.all(Array.from({ length: limit * 2 }, (_, i) => login(1, `nobody-else-${i}`, 'wrong', '10.5.0.1')));
    expect(counter.logins() - before).toBeLessThanOrEqual(limit);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(limit);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(limit);
  });
});
