import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/test-app.js';
import { createLogger } from '../logger.js';
import { forEachDialect } from '../test-support/store-dialects.js';
import { openTestHistory } from './test-history-store.js';
import { startHistoryUpkeep } from './upkeep.js';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 12);

forEachDialect('history retention', (dialect) => {
  afterAll(() => dialect.cleanup());

  /** A settled entry `daysAgo` before NOW, so upkeep has nothing to reconcile, only to keep or drop. */
  async function seeded(history: Awaited<ReturnType<typeof openTestHistory>>, requestId: string, daysAgo: number): Promise<void> {
    const at = new Date(NOW - daysAgo * DAY_MS);
    await history.store.recordIntent({ requestId, at, actor: 'root', clientAddress: null, replica: 'r', source: 'dashboard', actions: [{ action: 'acl.add', target: { index: 'root/prod' }, changes: [] }] });
    await history.store.recordOutcome(requestId, { outcome: { state: 'ok', status: 200, message: null }, serial: 1, at });
  }

  async function idsAfterUpkeep(env: Record<string, string>): Promise<string[]> {
    const history = await openTestHistory(await dialect.freshConfig());
    try {
      await seeded(history, 'old', 31);
      await seeded(history, 'edge', 30.01);
      await seeded(history, 'young', 29.99);
      await seeded(history, 'today', 0);
      // Nothing to settle, so devpi is never asked: an unreachable one is fine.
      const upkeep = startHistoryUpkeep({ store: history.store, config: testConfig('http://127.0.0.1:9', env), logger: createLogger('silent'), now: () => NOW });
      await upkeep.tick();
      upkeep.stop();
      const { rows } = await history.store.list({}, { kind: 'all' }, 0, 10);
      return rows.map((row) => row.request_id);
    } finally {
      await history.close();
    }
  }

  describe('HISTORY_RETENTION_DAYS', () => {
    it('drops entries older than the retention and keeps the rest', async () => {
      expect(await idsAfterUpkeep({ HISTORY_RETENTION_DAYS: '30' })).toEqual(['today', 'young']);
    });

    it('keeps everything when unset (the default)', async () => {
      expect(await idsAfterUpkeep({})).toEqual(['today', 'young', 'edge', 'old']);
    });
  });
});
