import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../test-support/store-dialects.js';
import { createStore, type StoreTables } from './index.js';
import { migrateToLatest } from './migrate.js';
import { connect, POSTGRES_WARM_CONNECTIONS } from './connect.js';

forEachDialect('createStore', (target) => {
  afterAll(() => target.cleanup());

  it('creates, migrates and answers ping on an empty location', async () => {
    const store = await createStore(await target.freshConfig());
    try {
      expect(store.dialect).toBe(target.dialect);
      await expect(store.ping()).resolves.toBeUndefined();
      const db = store.db.withTables<StoreTables>();
      await db.insertInto('store_meta').values({ key: 'created_by', value: 'test' }).execute();
      const rows = await db.selectFrom('store_meta').select(['key', 'value']).execute();
      expect(rows).toEqual([{ key: 'created_by', value: 'test' }]);
    } finally {
      await store.close();
    }
  });

  it.runIf(target.dialect === 'postgres')('keeps PostgreSQL connections open for the first requests, however quiet it is', async () => {
    const store = await createStore(await target.freshConfig());
    try {
      if (store.driver.dialect !== 'postgres') throw new Error('expected a PostgreSQL store');
      const pool = store.driver.pool;
      expect(pool.totalCount).toBe(POSTGRES_WARM_CONNECTIONS);
      // Quiet, in short: idle connections time out after 50 ms instead of pg's 10 s. A burst opens
      // one connection more than the warm ones; once it is over, only that one is closed.
      pool.options.idleTimeoutMillis = 50;
      await Promise.all(Array.from({ length: POSTGRES_WARM_CONNECTIONS + 1 }, () => sql`select pg_sleep(0.05)`.execute(store.db)));
      expect(pool.totalCount).toBe(POSTGRES_WARM_CONNECTIONS + 1);
      await expect.poll(() => pool.totalCount, { timeout: 5_000 }).toBe(POSTGRES_WARM_CONNECTIONS);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pool.totalCount).toBe(POSTGRES_WARM_CONNECTIONS);
    } finally {
      await store.close();
    }
  });

  it('keeps rows and does not re-run migrations when opened again', async () => {
    const config = await target.freshConfig();
    const first = await createStore(config);
    await first.db.withTables<StoreTables>().insertInto('store_meta').values({ key: 'k', value: 'v' }).execute();
    await first.close();
    const second = await createStore(config);
    try {
      const rows = await second.db.withTables<StoreTables>().selectFrom('store_meta').selectAll().execute();
      expect(rows).toEqual([{ key: 'k', value: 'v' }]);
    } finally {
      await second.close();
    }
  });

  it('migrates once when several replicas start at the same moment', async () => {
    const config = await target.freshConfig();
    // A migration that fails if it ever runs twice: the table exists after the first run.
    let runs = 0;
    const list = {
      '0001-once': {
        async up(db: Parameters<typeof migrateToLatest>[0]) {
          runs += 1;
          await db.schema.createTable('once').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
        },
      },
    };
    const conns = Array.from({ length: 4 }, () => connect(config));
    try {
      await Promise.all(conns.map((c) => migrateToLatest(c.db, c.dialect, list)));
      expect(runs).toBe(1);
    } finally {
      await Promise.all(conns.map((c) => c.db.destroy()));
    }
  });

  it('refuses to start on a migration that fails, naming it', async () => {
    const conn = connect(await target.freshConfig());
    const list = { '0001-broken': { up: (db: Parameters<typeof migrateToLatest>[0]) => sql`select * from no_such_table`.execute(db).then(() => undefined) } };
    try {
      await expect(migrateToLatest(conn.db, conn.dialect, list)).rejects.toThrow(/store migration 0001-broken failed/);
    } finally {
      await conn.db.destroy();
    }
  });
});

describe('createStore on an unreachable PostgreSQL', () => {
  it('fails instead of starting without a store', async () => {
    await expect(createStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', dataDir: '' })).rejects.toThrow();
  });
});
