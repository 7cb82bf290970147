// The history's two promises (issue 12): recording adds at most 2 ms p50 to a mutation, and a
// filtered, paged query over 1,000,000 entries answers in at most 100 ms p95, on both dialects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HistoryStore } from '../apps/bff/src/history/history-store.js';
import { createStore, type Store, type StoreConfig } from '../apps/bff/src/store/index.js';
import { createDatabase, postgresAvailable, startPostgres } from '../apps/bff/src/test-support/postgres-server.js';
import type { BenchRow } from './types.js';

const ENTRIES = 1_000_000;
const BATCH = 1_000; // 23 columns a row: under SQLite's 32,766 bound parameters
const USERS = 200;
const ACTIONS = ['acl.add', 'acl.remove', 'release.upload', 'index.modify', 'user.modify', 'release.remove'] as const;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function fill(store: Store): Promise<void> {
  const db = store.db.withTables<{ history_entries: Record<string, string | number | null> }>();
  const start = Date.UTC(2024, 0, 1);
  for (let offset = 0; offset < ENTRIES; offset += BATCH) {
    const rows = [];
    for (let i = offset; i < offset + BATCH; i++) {
      const owner = `user${i % USERS}`;
      rows.push({
        id: `bench-${i}:0`, request_id: `bench-${i}`, seq: 0, at: new Date(start + i * 30_000).toISOString(),
        actor: `user${(i * 7) % USERS}`, client_address: '10.0.0.1', replica: 'bench', action: ACTIONS[i % ACTIONS.length] ?? 'acl.add',
        target_user: null, target_index: `${owner}/dev${i % 3}`, index_owner: owner, target_project: `pkg${i % 5000}`,
        project_key: `pkg${i % 5000}`, target_version: '1.0', target_file: null, changes: '[{"key":"acl_upload","op":"add","value":"bob"}]',
        outcome: i % 50 === 0 ? 'failed' : 'ok', status: 200, message: null, serial: i, source: 'dashboard', outcome_at: null, reconciled_at: null,
      });
    }
    await db.insertInto('history_entries').values(rows).execute();
  }
}

async function measure(dialect: string, config: StoreConfig): Promise<BenchRow[]> {
  const store = await createStore(config);
  const history = new HistoryStore(store);
  try {
    await fill(store);
    const queries = [
      (n: number) => history.list({ actor: `user${n % USERS}` }, { kind: 'all' }, 0, 50),
      (n: number) => history.list({ index: `user${n % USERS}/dev1`, action: 'acl.add' }, { kind: 'all' }, 50, 50),
      (n: number) => history.list({ project: `pkg${n % 5000}` }, { kind: 'all' }, 0, 50),
      (n: number) => history.list({}, { kind: 'user', user: `user${n % USERS}` }, 0, 50),
      () => history.list({ outcome: 'failed', from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' }, { kind: 'all' }, 0, 50),
      () => history.list({}, { kind: 'all' }, 1000, 50),
    ];
    const queryMs: number[] = [];
    for (let n = 0; n < 300; n++) {
      const t = performance.now();
      await queries[n % queries.length]?.(n);
      queryMs.push(performance.now() - t);
    }
    // What the recorder adds in front of devpi: the intent insert (the outcome is written after the answer).
    const intentMs: number[] = [];
    for (let n = 0; n < 300; n++) {
      const t = performance.now();
      await history.recordIntent({ requestId: `m-${n}`, at: new Date(), actor: 'root', clientAddress: '127.0.0.1', replica: 'bench', source: 'dashboard', actions: [{ action: 'acl.add', target: { index: 'root/dev' }, changes: [{ key: 'acl_upload', op: 'add', value: 'bob' }] }] });
      intentMs.push(performance.now() - t);
      await history.recordOutcome(`m-${n}`, { outcome: { state: 'ok', status: 200, message: null }, serial: n, at: new Date() });
    }
    const p50 = pct(intentMs, 50);
    const p95 = pct(queryMs, 95);
    return [
      { bench: 'history', metric: `${dialect}: recording before devpi, p50`, value: Number(p50.toFixed(2)), unit: 'ms', target: '<= 2', ok: p50 <= 2 },
      { bench: 'history', metric: `${dialect}: filtered page of 1M entries, p95`, value: Number(p95.toFixed(1)), unit: 'ms', target: '<= 100', ok: p95 <= 100 },
    ];
  } finally {
    await store.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await measure('SQLite', { databaseUrl: undefined, dataDir: dir })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!postgresAvailable()) throw new Error('PostgreSQL is not installed: the history bench needs it (see .ci/run)');
  const server = await startPostgres();
  try {
    rows.push(...(await measure('PostgreSQL', { databaseUrl: await createDatabase(server.url, 'history_bench'), dataDir: '' })));
  } finally {
    await server.stop();
  }
  return rows;
}
