import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devpiTarget, uniqueName, type DevpiTarget } from '@devpi-dashboard/devpi-sim';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { openTestHistory } from './test-history-store.js';
import { forEachDialect } from '../test-support/store-dialects.js';

forEachDialect('history', (dialect) => {
  afterAll(() => dialect.cleanup());
  describe('settling "outcome unknown" against devpi', () => {
    let target: DevpiTarget;
    let history: Awaited<ReturnType<typeof openTestHistory>>;
    let root: DevpiClient;
    const user = uniqueName('crashed');

    beforeAll(async () => {
      target = await devpiTarget();
      history = await openTestHistory(await dialect.freshConfig());
      const anonymous = new DevpiClient({ baseUrl: target.url });
      root = anonymous.withAuth('root', (await anonymous.login('root', target.rootPassword)).token);
      await root.createUser(user, { password: 'pw-123456' });
    });
    afterAll(async () => {
      await root.deleteUser(user).catch(() => undefined);
      await history.close();
      await target.close();
    });

    it('settles what devpi can show and leaves the rest unknown, asked only once', async () => {
      const at = new Date(Date.UTC(2026, 0, 1));
      const intent = (requestId: string, action: 'user.create' | 'user.modify') =>
        history.store.recordIntent({ requestId, at, actor: 'root', clientAddress: null, replica: 'r', source: 'dashboard', actions: [{ action, target: { user }, changes: [] }] });
      await intent('made', 'user.create');
      await intent('unknowable', 'user.modify');
      const { startHistoryUpkeep } = await import('./upkeep.js');
      const { testConfig } = await import('../../test/support/test-app.js');
      const { createLogger } = await import('../logger.js');
      const upkeep = startHistoryUpkeep({ store: history.store, config: testConfig(target.url), logger: createLogger('silent'), now: Date.now });
      await upkeep.tick();
      upkeep.stop();
      const { rows } = await history.store.list({ user }, { kind: 'all' }, 0, 10);
      const byId = Object.fromEntries(rows.map((row) => [row.request_id, row]));
      expect(byId.made).toMatchObject({ outcome: 'ok', message: `reconciled against devpi: user ${user} exists` });
      expect(byId.unknowable).toMatchObject({ outcome: 'unknown' });
      expect(byId.unknowable?.reconciled_at).not.toBeNull();
      expect(await history.store.unresolved(new Date())).toEqual([]);
    });
  });
});
