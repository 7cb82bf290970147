import { sql } from 'kysely';
import { connect } from './connect.js';
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
