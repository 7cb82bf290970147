import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { historyPageSchema } from '@devpi-dashboard/dashboard-api';
import { openTestHistory } from '../src/history/test-history-store.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { listen } from './support/listen.js';
import { testApp } from './support/test-app.js';
import { forEachDialect } from '../src/test-support/store-dialects.js';

forEachDialect('history', (target) => {
  afterAll(() => target.cleanup());
  describe('GET /history: who sees what, filters, exports', () => {
    let devpi: Awaited<ReturnType<typeof devpiFixture>>;
    let history: Awaited<ReturnType<typeof openTestHistory>>;
    let app: Awaited<ReturnType<typeof testApp>>;
    let bff: Awaited<ReturnType<typeof listen>>;
    let alice: { name: string; password: string };
    let bob: { name: string; password: string };
    const cookies = new Map<string, string>();

    const login = async (user: string, password: string) => {
      const res = await request(bff.url).post('/+dashboard/api/session').set({ 'X-Devpi-Dashboard': '1', Origin: bff.url }).send({ user, password }).expect(200);
      cookies.set(user, (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '');
    };
    const get = (user: string, path: string) => request(bff.url).get(`/+dashboard/api/history${path}`).set({ Cookie: cookies.get(user) ?? '' });
    const page = async (user: string, query = '') => historyPageSchema.parse((await get(user, query).expect(200)).body);

    const seed = async (requestId: string, actor: string, target: { user?: string; index?: string; project?: string }, serial: number) => {
      await history.store.recordIntent({
        requestId,
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, serial)),
        actor,
        clientAddress: '10.0.0.1',
        replica: 'r1',
        source: 'dashboard',
        actions: [{ action: target.index ? 'acl.add' : 'user.modify', target, changes: [{ key: 'acl_upload', op: 'add', value: '=cmd|x' }] }],
      });
      await history.store.recordOutcome(requestId, { outcome: { state: 'ok', status: 200, message: null }, serial, at: new Date() });
    };

    beforeAll(async () => {
      devpi = await devpiFixture();
      history = await openTestHistory(await target.freshConfig());
      app = await testApp(devpi.target.url, {}, { history: history.store });
      bff = await listen(app.app);
      alice = await devpi.user('alice');
      bob = await devpi.user('bob');
      await seed('req-1', 'root', { index: `${alice.name}/dev` }, 10);
      await seed('req-2', 'root', { index: `root/prod` }, 11);
      await seed('req-3', bob.name, { user: bob.name }, 15);
      await login('root', devpi.target.rootPassword);
      await login(alice.name, alice.password);
      await login(bob.name, bob.password);
    });
    afterAll(async () => {
      await bff?.close();
      app?.close();
      await history?.close();
      await devpi?.close();
    });

    it('needs a login', async () => {
      await request(bff.url).get('/+dashboard/api/history').expect(401);
    });

    it('shows root everything, with the serials no recorded change explains', async () => {
      const all = await page('root');
      const ids = all.items.map((item) => item.requestId);
      expect(ids).toEqual(expect.arrayContaining(['req-1', 'req-2', 'req-3']));
      const gap = all.gaps.find((g) => g.fromSerial === 12);
      expect(gap).toMatchObject({ toSerial: 14, count: 3 });
    });

    it('shows anyone else only what they did and what happened to their indexes', async () => {
      const forAlice = await page(alice.name);
      expect(forAlice.items.map((item) => item.requestId).filter((id) => id?.startsWith('req-'))).toEqual(['req-1']);
      expect(forAlice.items.every((item) => item.actor === alice.name || item.target.index?.startsWith(`${alice.name}/`))).toBe(true);
      const forBob = await page(bob.name, `?user=${encodeURIComponent(alice.name)}`);
      expect(forBob.items).toEqual([]);
      expect(forBob.gaps).toEqual([]);
    });

    it('filters on the server and pages', async () => {
      const filtered = await page('root', `?index=${encodeURIComponent('root/prod')}&action=acl.add&limit=1`);
      expect(filtered).toMatchObject({ total: 1, limit: 1 });
      expect(filtered.items[0]?.requestId).toBe('req-2');
      const bad = await get('root', '?action=acl.explode').expect(400);
      expect(bad.body.error.details.fields).toHaveProperty('action');
    });

    it('exports the filtered set as CSV and JSON', async () => {
      const csv = await get('root', `/export.csv?index=${encodeURIComponent(`${alice.name}/dev`)}`).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^time,actor,action,target,change,outcome/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`"${alice.name}/dev"`);
      expect(lines[1]).toContain('"acl_upload += =cmd|x"');
      const json = await get(alice.name, '/export.json').expect(200);
      expect(z.array(z.object({ requestId: z.string() })).parse(JSON.parse(json.text)).map((e) => e.requestId)).toContain('req-1');
    });
  });
});
