import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { errorCodes, tokenCreatedSchema, tokenListSchema, tokensApiPaths } from '@devpi-dashboard/dashboard-api';
import { openTestHistory } from '../src/history/test-history-store.js';
import type { HistoryStore } from '../src/history/history-store.js';
import { forEachDialect } from '../src/test-support/store-dialects.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { listen } from './support/listen.js';
import { spaHeaders, testApp } from './support/test-app.js';

async function signIn(bffUrl: string, user: string, password: string): Promise<string> {
  const res = await request(bffUrl).post('/+dashboard/api/session').set(spaHeaders(bffUrl)).send({ user, password }).expect(200);
  return (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '';
}

async function settled(store: HistoryStore, user: string, count: number) {
  let rows: Awaited<ReturnType<HistoryStore['list']>>['rows'] = [];
  await vi.waitFor(async () => {
    rows = (await store.list({ user }, { kind: 'all' }, 0, 50)).rows.filter((row) => row.action.startsWith('token.'));
    expect(rows.length).toBe(count);
    expect(rows.every((row) => row.outcome !== 'unknown')).toBe(true);
  });
  return rows;
}

/** Does the devpi at `url` have devpi-tokens? Its list route answers 403 to anonymous callers, a missing route 404. */
async function hasTokensPlugin(url: string): Promise<boolean> {
  const res = await fetch(`${url}/root/+tokens`, { headers: { Accept: 'application/json' } });
  return res.status === 403;
}

const external = process.env['DEVPI_URL'];
const skipReason = external && !(await hasTokensPlugin(external.replace(/\/+$/, ''))) ? `${external} runs without devpi-tokens` : undefined;
if (skipReason) console.warn(`tokens API: skipped, ${skipReason}`);

forEachDialect('tokens', (target) => {
  afterAll(() => target.cleanup());
  describe.skipIf(skipReason !== undefined)('tokens through the dashboard API', () => {
    let devpi: Awaited<ReturnType<typeof devpiFixture>>;
    let history: Awaited<ReturnType<typeof openTestHistory>>;
    let app: Awaited<ReturnType<typeof testApp>>;
    let bff: Awaited<ReturnType<typeof listen>>;

    beforeAll(async () => {
      devpi = await devpiFixture({ tokens: true });
      history = await openTestHistory(await target.freshConfig());
      app = await testApp(devpi.target.url, {}, { history: history.store, replica: 'replica-t' });
      bff = await listen(app.app);
    });
    afterAll(async () => {
      await bff?.close();
      await app?.close();
      await history?.close();
      await devpi?.close();
    });

    it('creates a token once, lists it, revokes it; the history and the logs never hold the token', async () => {
      const alice = await devpi.user('alice');
      await devpi.root.createIndex(alice.name, 'dev', { bases: [], acl_upload: [alice.name] });
      const cookie = await signIn(bff.url, alice.name, alice.password);
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const created = tokenCreatedSchema.parse(
        (
          await request(bff.url)
            .post(tokensApiPaths.forUser(alice.name))
            .set({ ...spaHeaders(bff.url), Cookie: cookie })
            .send({ allowed: ['pkg_read', 'upload'], indexes: [`${alice.name}/dev`], expires })
            .expect(200)
            .expect('Cache-Control', 'no-store')
        ).body,
      );
      const { token, summary } = created;
      expect(token).toMatch(/^devpi-/);
      expect(summary).toMatchObject({ allowed: ['pkg_read', 'upload'], indexes: [`${alice.name}/dev`], projects: null, expires: new Date(expires * 1000).toISOString(), expired: false });

      // the token works against devpi directly, as pip and twine will use it
      const withToken = new DevpiClient({ baseUrl: devpi.target.url, auth: { user: alice.name, password: token } });
      expect((await withToken.api()).authstatus).toEqual(['ok', alice.name, []]);

      const listed = tokenListSchema.parse((await request(bff.url).get(tokensApiPaths.forUser(alice.name)).set({ Cookie: cookie }).expect(200)).body);
      expect(listed.plugin && listed.tokens.map((t) => t.id)).toEqual([summary.id]);

      await request(bff.url).delete(tokensApiPaths.token(alice.name, summary.id)).set({ ...spaHeaders(bff.url), Cookie: cookie }).expect(200, { message: `token ${summary.id} deleted` });
      const refused = await fetch(`${devpi.target.url}/+api`, { headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${alice.name}:${token}`).toString('base64')}` } });
      expect(refused.status).toBe(403);

      const rows = await settled(history.store, alice.name, 2);
      const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
      expect(byAction['token.create']).toMatchObject({ actor: alice.name, target_user: alice.name, outcome: 'ok', status: 200, message: `token ${summary.id} created` });
      expect(JSON.parse(byAction['token.create']?.changes ?? '')).toEqual([
        { key: 'id', op: 'set', after: summary.id },
        { key: 'allowed', op: 'set', after: ['pkg_read', 'upload'] },
        { key: 'indexes', op: 'set', after: [`${alice.name}/dev`] },
        { key: 'expires', op: 'set', after: expires },
      ]);
      expect(byAction['token.revoke']).toMatchObject({ outcome: 'ok', status: 200 });
      expect(JSON.parse(byAction['token.revoke']?.changes ?? '')).toEqual([{ key: 'id', op: 'drop', before: summary.id }]);

      const secret = token.slice('devpi-'.length);
      const everything = JSON.stringify(await history.store.list({}, { kind: 'all' }, 0, 200));
      expect(everything).not.toContain(secret);
      expect(app.logs.lines.length).toBeGreaterThan(0);
      expect(app.logs.lines.filter((line) => line.includes(secret))).toEqual([]);
    });

    it("refuses bad restrictions with the field named, and passes devpi's refusals on, recorded as failed", async () => {
      const bob = await devpi.user('bob');
      const carol = await devpi.user('carol');
      const cookie = await signIn(bff.url, bob.name, bob.password);
      const bad = await request(bff.url).post(tokensApiPaths.forUser(bob.name)).set({ ...spaHeaders(bff.url), Cookie: cookie }).send({ allowed: ['fly'], indexes: ['no-slash'] }).expect(400);
      expect(Object.keys(bad.body.error.details.fields as object).sort()).toEqual(['allowed.0', 'indexes.0']);

      const tooLong = await request(bff.url)
        .post(tokensApiPaths.forUser(bob.name))
        .set({ ...spaHeaders(bff.url), Cookie: cookie })
        .send({ expires: Math.floor(Date.now() / 1000) + 3 * 366 * 86400 })
        .expect(403);
      expect(tooLong.body.error).toMatchObject({ code: errorCodes.devpiError, message: 'Not allowed to set expiration to more than one year' });

      const forOther = await request(bff.url).post(tokensApiPaths.forUser(carol.name)).set({ ...spaHeaders(bff.url), Cookie: cookie }).send({}).expect(403);
      expect(forOther.body.error.message).toContain('user_token_create failed permission check');

      const missing = await request(bff.url).delete(tokensApiPaths.token(bob.name, 'NoSuchId')).set({ ...spaHeaders(bff.url), Cookie: cookie }).expect(404);
      expect(missing.body.error.message).toBe(`${bob.name} has no token NoSuchId; it may have been revoked already.`);

      const rows = await settled(history.store, bob.name, 2);
      expect(rows.map((row) => [row.action, row.outcome, row.status]).sort()).toEqual([
        ['token.create', 'failed', 403],
        ['token.revoke', 'failed', 404],
      ]);
    });

    it('root manages the tokens of any user', async () => {
      const dave = await devpi.user('dave');
      const rootCookie = await signIn(bff.url, 'root', devpi.target.rootPassword);
      const created = tokenCreatedSchema.parse((await request(bff.url).post(tokensApiPaths.forUser(dave.name)).set({ ...spaHeaders(bff.url), Cookie: rootCookie }).send({ expires: 'never' }).expect(200)).body);
      expect(created.summary.expires).toBe('never');
      const daveCookie = await signIn(bff.url, dave.name, dave.password);
      const listed = tokenListSchema.parse((await request(bff.url).get(tokensApiPaths.forUser(dave.name)).set({ Cookie: daveCookie }).expect(200)).body);
      expect(listed.plugin && listed.tokens.map((t) => t.id)).toEqual([created.summary.id]);
      await request(bff.url).delete(tokensApiPaths.token(dave.name, created.summary.id)).set({ ...spaHeaders(bff.url), Cookie: rootCookie }).expect(200);
    });

    it('keeps devpi-tokens routes out of the devpi proxy', async () => {
      const erin = await devpi.user('erin');
      const cookie = await signIn(bff.url, erin.name, erin.password);
      for (const path of [`/${erin.name}/+token-create`, `/${erin.name}/+tokens`, `/${erin.name}/+tokens/abc`]) {
        const res = await request(bff.url).post(`/+dashboard/api/devpi${path}`).set({ ...spaHeaders(bff.url), Cookie: cookie, Accept: 'application/json' }).send({});
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, errorCodes.tokensThroughDashboard]);
      }
    });
  });
});

describe.skipIf(external !== undefined && external !== '')('tokens API without the plugin', () => {
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
    await app?.close();
    await devpi?.close();
  });

  it('says the plugin is missing and changes nothing', async () => {
    const frank = await devpi.user('frank');
    const cookie = await signIn(bff.url, frank.name, frank.password);
    const listed = await request(bff.url).get(tokensApiPaths.forUser(frank.name)).set({ Cookie: cookie }).expect(200);
    expect(listed.body).toEqual({ plugin: false, user: frank.name });
    const before = await devpi.root.serial();
    const create = await request(bff.url).post(tokensApiPaths.forUser(frank.name)).set({ ...spaHeaders(bff.url), Cookie: cookie }).send({}).expect(404);
    expect(create.body.error.code).toBe(errorCodes.tokensPluginMissing);
    const revoke = await request(bff.url).delete(tokensApiPaths.token(frank.name, 'abc')).set({ ...spaHeaders(bff.url), Cookie: cookie }).expect(404);
    expect(revoke.body.error.code).toBe(errorCodes.tokensPluginMissing);
    expect(await devpi.root.serial()).toBe(before);
  });
});
