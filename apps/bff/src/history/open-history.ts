import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import * as historyMigration from '../store/migrations/history-0001.js';
import type { HistoryDatabase } from './history-table.js';
import { HistoryStore } from './history-store.js';

/**
 * Opens (creating and migrating on first start) the embedded history database under DATA_DIR.
 * `:memory:` keeps it in the process, for tests and throwaway demos.
 */
export async function openHistory(dataDir: string): Promise<{ store: HistoryStore; close: () => Promise<void> }> {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'dashboard.sqlite');
  }
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ 'history-0001': historyMigration }) } });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
  return { store: new HistoryStore(db), close: () => db.destroy() };
}
