export { createStore, type StoreMetaTable, type StoreTables } from './store.js';
export { MigrationError } from './migrate.js';
export type { Store, StoreConfig, StoreDialect } from './types.js';
