import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { up } from '../store/migrations/history-0001.js';
import type { HistoryDatabase } from './history-table.js';
import { HistoryStore } from './history-store.js';

/** A migrated in-memory SQLite history for tests; `close` also simulates the store going down. */
export async function openTestHistory() {
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  await up(db);
  return { db, store: new HistoryStore(db), close: () => db.destroy() };
}
