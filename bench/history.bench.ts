// The history's two promises (issue 12), on SQLite and on PostgreSQL:
//  1. recording adds at most 2 ms p50 to a mutation through the BFF: two BFFs in their own
//     processes, one with the recorder and one without, take the same devpi mutations in turns
//     (side by side, same run, same devpi double), and the p50s are compared;
//  2. a filtered, paged history query (the page and its total) over 1,000,000 entries answers in
//     at most 100 ms p95. The million rows are generated inside the database in one statement
//     (a recursive CTE on SQLite, generate_series on PostgreSQL), not sent from here.
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@devpi-dashboard/dashboard-api';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { HistoryStore } from '../apps/bff/src/history/history-store.js';
import { createStore, type Store, type StoreConfig } from '../apps/bff/src/store/index.js';
import { createDatabase, postgresAvailable, startPostgres } from '../apps/bff/src/test-support/postgres-server.js';
import { startReadyChild, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const BENCH = 'history';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const ENTRIES = 1_000_000;
const USERS = 200;
const PROJECTS = 5_000;
const QUERIES = 300;
/** In the order the fill's `case n % 6` writes them. */
const ACTIONS = ['acl.add', 'acl.remove', 'release.upload', 'index.modify', 'user.modify', 'release.remove'] as const;
/** Mutations per BFF; the first WARMUP of each are not counted (JIT, connection pools). */
const MUTATIONS = 300;
const WARMUP = 50;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** The secondary indexes of history_entries (not the primary key), with the SQL that makes each. */
async function tableIndexes(store: Store): Promise<{ name: string; definition: string }[]> {
  const { rows } = store.dialect === 'sqlite'
    ? await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'history_entries' and sql is not null`.execute(store.db)
    : await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where tablename = 'history_entries' and indexname not like '%_pkey'`.execute(store.db);
  if (rows.length === 0) throw new Error('history_entries has no indexes: the migrations did not run as expected');
  return rows;
}

/**
 * One statement: `n` is 0…ENTRIES-1. Entries are 30 s apart from 2024-01-01, by 200 actors over
 * 200 owners' 600 indexes and 5,000 projects, 2 % of them failed, much as a busy server's would be.
 */
async function fill(store: Store): Promise<void> {
  const columns = sql.raw(
    'id, request_id, seq, at, actor, client_address, replica, action, target_user, target_index, index_owner, target_project, project_key, target_version, target_file, changes, outcome, status, message, serial, source, outcome_at, reconciled_at',
  );
  const at = store.dialect === 'sqlite'
    ? sql`strftime('%Y-%m-%dT%H:%M:%fZ', 1704067200 + n * 30, 'unixepoch')`
    : sql`to_char(timestamp '2024-01-01' + n * interval '30 seconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  // Numbers go in as SQL literals: better-sqlite3 binds a JS number as REAL, and `'user' || 7.0` is 'user7.0'.
  const users = sql.raw(String(USERS));
  const projects = sql.raw(String(PROJECTS));
  const text = (expr: ReturnType<typeof sql.raw>) => (store.dialect === 'sqlite' ? expr : sql`(${expr})::text`);
  const owner = text(sql.raw(`'user' || (n % ${USERS})`));
  const select = sql`select
      'bench-' || n || ':0', 'bench-' || n, 0, ${at},
      'user' || ((n * 7) % ${users}), '10.0.0.1', 'bench',
      case n % 6 when 0 then 'acl.add' when 1 then 'acl.remove' when 2 then 'release.upload' when 3 then 'index.modify' when 4 then 'user.modify' else 'release.remove' end,
      null, ${owner} || '/dev' || (n % 3), ${owner}, 'pkg' || (n % ${projects}), 'pkg' || (n % ${projects}), '1.0', null,
      '[{"key":"acl_upload","op":"add","value":"bob"}]',
      case when n % 50 = 0 then 'failed' else 'ok' end, 200, null, n, 'dashboard', null, null`;
  // The migration's indexes are dropped for the fill and built again after it, as a restore
  // would: building an index from sorted rows takes seconds, updating ten of them row by row for a
  // million rows takes many minutes. What is queried afterwards is exactly what migrations made.
  const indexes = await tableIndexes(store);
  for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(store.db);
  if (store.dialect === 'sqlite') {
    await sql`pragma cache_size = -262144`.execute(store.db);
    await sql`insert into history_entries (${columns})
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${sql.raw(String(ENTRIES - 1))})
      ${select} from seq`.execute(store.db);
  } else {
    await sql`insert into history_entries (${columns}) ${select} from generate_series(0, ${sql.raw(String(ENTRIES - 1))}) as g(n)`.execute(store.db);
  }
  for (const { definition } of indexes) await sql.raw(definition).execute(store.db);
  // What a long-running server's planner knows, and on PostgreSQL the visibility map autovacuum
  // keeps (without it an index-only count still reads every matching heap page).
  await (store.dialect === 'sqlite' ? sql`analyze` : sql`vacuum analyze history_entries`).execute(store.db);
}

async function queryRows(dialect: string, config: StoreConfig): Promise<BenchRow[]> {
  const store = await createStore(config);
  const history = new HistoryStore(store);
  try {
    const filled = performance.now();
    await fill(store);
    const fillS = (performance.now() - filled) / 1000;
    // The History screen's own filters and the viewer restriction a non-root user always has.
    const queries = [
      (n: number) => history.list({ actor: `user${n % USERS}` }, { kind: 'all' }, 0, 50),
      // An index's rows all share one action (both follow from n), so take the one that has rows.
      (n: number) => history.list({ index: `user${n % USERS}/dev${n % 3}`, action: ACTIONS[[0, 1, 2, 3, 4, 5].find((k) => k % 2 === n % 2 && k % 3 === n % 3) ?? 0] }, { kind: 'all' }, 50, 50),
      (n: number) => history.list({ project: `pkg${n % PROJECTS}` }, { kind: 'all' }, 0, 50),
      (n: number) => history.list({}, { kind: 'user', user: `user${n % USERS}` }, 0, 50),
      // Failures are every 50th entry, so on the indexes of user0, user50, user100 and user150.
      (n: number) => history.list({ user: `user${(n % 4) * 50}`, outcome: 'failed' }, { kind: 'all' }, 0, 50),
      () => history.list({ outcome: 'failed', from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z' }, { kind: 'all' }, 0, 50),
    ];
    const queryMs: number[] = [];
    const byQuery = queries.map((): number[] => []);
    for (let n = 0; n < QUERIES; n++) {
      const t = performance.now();
      const page = await queries[n % queries.length]?.(n);
      const ms = performance.now() - t;
      queryMs.push(ms);
      byQuery[n % queries.length]?.push(ms);
      if (page === undefined || page.rows.length === 0) throw new Error(`query ${n % queries.length} found nothing: the bench would measure an empty answer`);
    }
    console.error(`  ${dialect}: p95 of each filtered query: ${byQuery.map((ms) => pct(ms, 95).toFixed(1)).join(', ')} ms`);
    const p95 = pct(queryMs, 95);
    // Root's unfiltered History screen, a later page: its total counts all million rows.
    const unfilteredMs: number[] = [];
    for (let n = 0; n < 30; n++) {
      const t = performance.now();
      await history.list({}, { kind: 'all' }, 1000, 50);
      unfilteredMs.push(performance.now() - t);
    }
    // The store's own part of recording, without HTTP or devpi: the intent insert into the full table.
    const intentMs: number[] = [];
    for (let n = 0; n < QUERIES; n++) {
      const t = performance.now();
      await history.recordIntent({ requestId: `m-${n}`, at: new Date(), actor: 'root', clientAddress: '127.0.0.1', replica: 'bench', source: 'dashboard', actions: [{ action: 'acl.add', target: { index: 'root/dev' }, changes: [{ key: 'acl_upload', op: 'add', value: 'bob' }] }] });
      intentMs.push(performance.now() - t);
    }
    return [
      { bench: BENCH, metric: `${dialect}: intent insert into 1M entries (store only), p50`, value: Number(pct(intentMs, 50).toFixed(2)), unit: 'ms' },
      { bench: BENCH, metric: `${dialect}: filling 1M entries (one statement)`, value: Number(fillS.toFixed(1)), unit: 's' },
      { bench: BENCH, metric: `${dialect}: filtered page of 1M entries, p50`, value: Number(pct(queryMs, 50).toFixed(1)), unit: 'ms' },
      { bench: BENCH, metric: `${dialect}: filtered page of 1M entries, p95`, value: Number(p95.toFixed(1)), unit: 'ms', target: '<= 100', ok: p95 <= 100 },
      { bench: BENCH, metric: `${dialect}: unfiltered page 21 with its total of 1M, p95`, value: Number(pct(unfilteredMs, 95).toFixed(1)), unit: 'ms' },
    ];
  } finally {
    await store.close();
  }
}

/** A BFF child with (`on`) or without (`off`) the history, on the store `storeEnv` names. */
async function startReplica(children: ChildProcess[], history: 'on' | 'off', devpiUrl: string, storeEnv: Record<string, string>): Promise<string> {
  const env = {
    ...storeEnv,
    BENCH_HISTORY: history,
    DEVPI_URL: devpiUrl,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  return startReadyChild(children, root, ['--import', 'tsx', join(here, 'history-replica.ts')], env, /^listening (http:\S+)/);
}

async function login(bffUrl: string): Promise<string> {
  const res = await fetch(`${bffUrl}/+dashboard/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify({ user: 'root', password: '' }),
  });
  if (res.status !== 200) throw new Error(`login through the BFF failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('devpi_dashboard_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

/** One devpi mutation through a BFF (an uploader added or removed), in ms. */
async function mutate(bffUrl: string, cookie: string, index: string, op: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${bffUrl}/+dashboard/api/devpi/root/${index}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Cookie: cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify([op]),
  });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`PATCH root/${index} [${op}] through the BFF: ${res.status}`);
  return ms;
}

async function recordingRows(dialect: string, devpiUrl: string, storeEnv: (side: 'with' | 'without') => Record<string, string>): Promise<BenchRow[]> {
  const children: ChildProcess[] = [];
  try {
    const sides = [
      { name: 'with', url: await startReplica(children, 'on', devpiUrl, storeEnv('with')), index: `rec-with-${dialect.toLowerCase()}`, ms: [] as number[] },
      { name: 'without', url: await startReplica(children, 'off', devpiUrl, storeEnv('without')), index: `rec-without-${dialect.toLowerCase()}`, ms: [] as number[] },
    ];
    const cookies = new Map<string, string>();
    for (const side of sides) cookies.set(side.name, await login(side.url));
    for (const side of sides) {
      const cookie = cookies.get(side.name) ?? '';
      const created = await fetch(`${side.url}/+dashboard/api/devpi/root/${side.index}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Sec-Fetch-Site': 'same-origin' },
        body: JSON.stringify({ type: 'stage', bases: [], volatile: true }),
      });
      if (created.status !== 200 && created.status !== 201) throw new Error(`creating root/${side.index}: ${created.status}`);
    }
    for (let n = 0; n < MUTATIONS; n++) {
      // In turns, the order flipped every round, so neither side always runs on a warmer devpi.
      const order = n % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const op = n % 2 === 0 ? 'acl_upload+=bench' : 'acl_upload-=bench';
        const ms = await mutate(side.url, cookies.get(side.name) ?? '', side.index, op);
        if (n >= WARMUP) side.ms.push(ms);
      }
    }
    const [withHistory, without] = sides.map((side) => pct(side.ms, 50));
    const overhead = (withHistory ?? 0) - (without ?? 0);
    return [
      { bench: BENCH, metric: `${dialect}: mutation via BFF without history, p50`, value: Number((without ?? 0).toFixed(2)), unit: 'ms' },
      { bench: BENCH, metric: `${dialect}: mutation via BFF with history, p50`, value: Number((withHistory ?? 0).toFixed(2)), unit: 'ms' },
      { bench: BENCH, metric: `${dialect}: recording overhead, p50`, value: Number(overhead.toFixed(2)), unit: 'ms', target: '<= 2', ok: overhead <= 2 },
    ];
  } finally {
    await stopChildren(children);
  }
}

export async function run(): Promise<BenchRow[]> {
  if (!postgresAvailable()) throw new Error('PostgreSQL is not installed: the history bench needs it (see .ci/run)');
  const { startDevpiSim } = await import('@devpi-dashboard/devpi-sim');
  const devpi = await startDevpiSim();
  const dir = mkdtempSync(join(tmpdir(), 'history-bench-'));
  const server = await startPostgres();
  const rows: BenchRow[] = [];
  // Figures as they come, on stderr: the table comes at the end, this shows progress on a busy machine.
  const push = (more: BenchRow[]) => {
    for (const row of more) console.error(`  ${row.metric}: ${row.value} ${row.unit}`);
    rows.push(...more);
  };
  try {
    push(await recordingRows('SQLite', devpi.url, (side) => ({ DATA_DIR: join(dir, side) })));
    const recordingUrl = await createDatabase(server.url, 'history_bench_recording');
    push(await recordingRows('PostgreSQL', devpi.url, () => ({ DATABASE_URL: recordingUrl })));
    push(await queryRows('SQLite', { databaseUrl: undefined, dataDir: join(dir, 'million') }));
    push(await queryRows('PostgreSQL', { databaseUrl: await createDatabase(server.url, 'history_bench_query'), dataDir: '' }));
  } finally {
    await server.stop();
    await devpi.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
