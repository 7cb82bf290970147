import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import * as historyMigration from '../store/migrations/history-0001.js';
import type { HistoryDatabase } from './history-table.js';
import { HistoryStore } from './history-store.js';

/** A migrated in-memory SQLite history for tests; `close` also simulates the store going down. */
export async function openTestHistory() {
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ 'history-0001': historyMigration }) } });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
  return { db, store: new HistoryStore(db), close: () => db.destroy() };
}
