// Runs a store suite once per dialect: SQLite in a throwaway folder and PostgreSQL in a fresh
// database on the run's test server. Without PostgreSQL the PostgreSQL half fails under CI=true
// (a store change must never pass CI untested on the dialect replicas use) and is skipped with
// the reason shown elsewhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, inject, it } from 'vitest';
import type { StoreConfig, StoreDialect } from '../store/index.js';
import { createDatabase } from './postgres-server.js';

export interface DialectTarget {
  dialect: StoreDialect;
  /** A new, empty store location on every call (a folder or a database). */
  freshConfig(): Promise<StoreConfig>;
  /** Removes what freshConfig made on SQLite; databases go with the server. */
  cleanup(): void;
}

function sqliteTarget(): DialectTarget {
  const dirs: string[] = [];
  return {
    dialect: 'sqlite',
    freshConfig: () => {
      const dir = mkdtempSync(join(tmpdir(), 'dashboard-store-'));
      dirs.push(dir);
      return Promise.resolve({ databaseUrl: undefined, dataDir: dir });
    },
    cleanup: () => {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresTarget(serverUrl: string): DialectTarget {
  return {
    dialect: 'postgres',
    freshConfig: async () => ({ databaseUrl: await createDatabase(serverUrl, `t_${randomBytes(6).toString('hex')}`), dataDir: '' }),
    cleanup: () => undefined,
  };
}

/** `describe` once per dialect; `body` gets the target to make stores from. */
export function forEachDialect(name: string, body: (target: DialectTarget) => void): void {
  describe.each(['sqlite', 'postgres'] as const)(`${name} [%s]`, (dialect) => {
    if (dialect === 'sqlite') {
      body(sqliteTarget());
      return;
    }
    const postgres = inject('postgres');
    if ('missing' in postgres) {
      if (process.env['CI'] === 'true') {
        it('has PostgreSQL to run against', () => {
          throw new Error(`the store suites must run on PostgreSQL in CI: ${postgres.missing}`);
        });
      } else {
        it.skip(`PostgreSQL: ${postgres.missing}`, () => undefined);
      }
      return;
    }
    body(postgresTarget(postgres.url));
  });
}
