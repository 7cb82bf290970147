import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { openTestHistory } from '../src/history/test-history-store.js';
import type { HistoryStore } from '../src/history/history-store.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { listen } from './support/listen.js';
import { loginCounter } from './support/login-counter.js';
import { testApp } from './support/test-app.js';
import { forEachDialect } from '../src/test-support/store-dialects.js';

async function clientThroughBff(bffUrl: string, user: string, password: string) {
  const res = await request(bffUrl).post('/+dashboard/api/session').set({ 'X-Devpi-Dashboard': '1', Origin: bffUrl }).send({ user, password }).expect(200);
  const cookie = (z.array(z.string()).parse(res.headers['set-cookie'])[0] ?? '').split(';')[0] ?? '';
  return new DevpiClient({ baseUrl: `${bffUrl}/+dashboard/api/devpi`, headers: { 'X-Devpi-Dashboard': '1', Origin: bffUrl, Cookie: cookie } });
}

async function settled(store: HistoryStore, filter: { index?: string; user?: string }) {
  let rows: Awaited<ReturnType<HistoryStore['list']>>['rows'] = [];
  await vi.waitFor(async () => {
    rows = (await store.list(filter, { kind: 'all' }, 0, 50)).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.outcome !== 'unknown')).toBe(true);
  });
  return rows;
}

forEachDialect('history', (target) => {
  afterAll(() => target.cleanup());
  describe('recording mutations through the devpi proxy', () => {
    let devpi: Awaited<ReturnType<typeof devpiFixture>>;
    let history: Awaited<ReturnType<typeof openTestHistory>>;
    let app: Awaited<ReturnType<typeof testApp>>;
    let bff: Awaited<ReturnType<typeof listen>>;

    beforeAll(async () => {
      devpi = await devpiFixture();
      history = await openTestHistory(await target.freshConfig());
      app = await testApp(devpi.target.url, {}, { history: history.store, replica: 'replica-a' });
      bff = await listen(app.app);
    });
    afterAll(async () => {
      await bff?.close();
      app?.close();
      await history?.close();
      await devpi?.close();
    });

    it('records an acl change with actor, target, change, outcome, serial and request id', async () => {
      const owner = await devpi.user('owner');
      await devpi.root.createIndex(owner.name, 'prod', { bases: [] });
      const client = await clientThroughBff(bff.url, owner.name, owner.password);
      await client.patchIndex(owner.name, 'prod', ['acl_upload+=bob', 'title=Production']);
      const rows = await settled(history.store, { index: `${owner.name}/prod` });
      const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
      expect(byAction['acl.add']).toMatchObject({ actor: owner.name, replica: 'replica-a', outcome: 'ok', status: 200, index_owner: owner.name });
      expect(JSON.parse(byAction['acl.add']?.changes ?? '')).toEqual([{ key: 'acl_upload', op: 'add', value: 'bob' }]);
      expect(JSON.parse(byAction['index.modify']?.changes ?? '')).toEqual([{ key: 'title', op: 'set', after: 'Production' }]);
      expect(byAction['acl.add']?.serial).toEqual(expect.any(Number));
      expect(byAction['acl.add']?.request_id).toBe(byAction['index.modify']?.request_id);
    });

    it('names the uploaded file from the form without holding the upload, and never records a password', async () => {
      const alice = await devpi.user('alice');
      await devpi.root.createIndex(alice.name, 'dev', { bases: [], acl_upload: [alice.name] });
      const client = await clientThroughBff(bff.url, alice.name, alice.password);
      const wheel = makeWheel({ name: 'Recorded.Pkg', version: '1.0.0' });
      await client.upload(alice.name, 'dev', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version });
      await client.modifyUser(alice.name, { password: 'a-new-password-1' });
      const upload = (await settled(history.store, { index: `${alice.name}/dev` }))[0];
      expect(upload).toMatchObject({ action: 'release.upload', target_project: 'Recorded.Pkg', project_key: 'recorded-pkg', target_version: '1.0.0', target_file: wheel.filename, outcome: 'ok' });
      const password = (await settled(history.store, { user: alice.name })).find((row) => row.action === 'password.change');
      expect(password?.outcome).toBe('ok');
      expect(JSON.stringify(await history.store.list({}, { kind: 'all' }, 0, 200))).not.toContain('a-new-password-1');
    });

    it("keeps devpi's refusal as the outcome", async () => {
      const owner = await devpi.user('refuser');
      await devpi.root.createIndex(owner.name, 'prod', { bases: [], volatile: false });
      const client = await clientThroughBff(bff.url, owner.name, owner.password);
      await expect(client.deleteIndex(owner.name, 'prod')).rejects.toThrow();
      const [row] = await settled(history.store, { index: `${owner.name}/prod` });
      expect(row).toMatchObject({ action: 'index.delete', outcome: 'failed', status: 403 });
      expect(row?.message).toMatch(/non-volatile/);
    });
  });

  describe('when the history store is down', () => {
    it('refuses mutations with 503 before devpi sees them, and reads keep working', async () => {
      const devpi = await devpiFixture();
      const counter = await loginCounter(devpi.target.url);
      const history = await openTestHistory(await target.freshConfig());
      const app = await testApp(counter.url, {}, { history: history.store });
      const bff = await listen(app.app);
      try {
        const owner = await devpi.user('down');
        await devpi.root.createIndex(owner.name, 'dev', { bases: [], acl_upload: [owner.name], volatile: true });
        const client = await clientThroughBff(bff.url, owner.name, owner.password);
        const indexBefore = await devpi.root.getIndex(owner.name, 'dev');
        await history.close();
        const seen = counter.mutations();
        const res = await request(bff.url)
          .put(`/+dashboard/api/devpi/${owner.name}/never`)
          .set({ 'X-Devpi-Dashboard': '1', Origin: bff.url, Cookie: '' })
          .send({});
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ error: { code: 'history_unavailable', status: 503 } });
        const wheel = makeWheel({ name: 'never-uploaded', version: '1.0.0' });
        const refused = [
          () => client.createIndex(owner.name, 'never', { bases: [] }),
          () => client.patchIndex(owner.name, 'dev', ['acl_upload+=mallory', 'title=changed']),
          () => client.upload(owner.name, 'dev', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version }),
          () => client.modifyUser(owner.name, { password: 'never-set-1', email: 'never@example.com' }),
          () => client.deleteIndex(owner.name, 'dev'),
          () => client.deleteUser(owner.name),
        ];
        for (const attempt of refused) await expect(attempt()).rejects.toMatchObject({ status: 503 });
        // devpi received none of them, and is exactly as it was.
        expect(counter.mutations()).toBe(seen);
        expect(await devpi.root.getIndex(owner.name, 'never')).toBeUndefined();
        expect(await devpi.root.getIndex(owner.name, 'dev')).toEqual(indexBefore);
        await devpi.root.anonymous().login(owner.name, owner.password);
        // Reads through the BFF keep working.
        expect((await client.getUser(owner.name))?.username).toBe(owner.name);
        expect(await client.getIndex(owner.name, 'dev')).toEqual(indexBefore);
      } finally {
        await bff.close();
        app.close();
        await counter.close();
        await devpi.close();
      }
    });
  });
});
