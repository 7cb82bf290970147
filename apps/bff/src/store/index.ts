export { createStore, type StoreMetaTable, type StoreTables } from './store.js';
export { MigrationError } from './migrate.js';
export type { Store, StoreConfig, StoreDialect, StoreDriver } from './types.js';
