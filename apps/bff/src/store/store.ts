import { sql } from 'kysely';
import { connect, POSTGRES_WARM_CONNECTIONS } from './connect.js';
import { migrateToLatest } from './migrate.js';
import type { Store, StoreConfig } from './types.js';

// Type aliases, not interfaces: Kysely's withTables<T>() needs T to have an index signature,
// which an alias has implicitly and an interface does not.
export type StoreMetaTable = {
  key: string;
  value: string;
};

/** The store's own tables; features declare theirs beside their code. */
export type StoreTables = {
  store_meta: StoreMetaTable;
};

/** Opens the store named by the config and migrates it to the newest schema before resolving. */
export async function createStore(config: StoreConfig): Promise<Store> {
  const { db, dialect, driver } = connect(config);
  try {
    await migrateToLatest(db, dialect);
    if (driver.dialect === 'postgres') {
      // Opened now, so the first requests do not each wait for a connection of their own.
      const clients = await Promise.all(Array.from({ length: POSTGRES_WARM_CONNECTIONS }, () => driver.pool.connect()));
      for (const client of clients) client.release();
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    driver,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
