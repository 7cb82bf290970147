// The jobs' promises (issue 13), measured side by side in one run against one devpi (the double
// in its own process with devpi-like latency, or DEVPI_URL):
//  1. the cleanup preview of an index holding 10,000 releases, through the runner: the time until the
//     job lists every release and file (at most 5 s; no file length known yet), the time until its
//     8,000 file lengths are measured (a HEAD each, while it awaits confirmation; printed), and the
//     preview again once the store knows the lengths by sha256;
//  2. copying an index as a job vs a plain sequential push loop of the same releases: >= 80 %;
//  3. what pip does (simple page + wheel download) while a cleanup job runs vs idle, p50: <= 1.5x.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import pino from 'pino';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { loadConfig } from '../apps/bff/src/config.js';
import { createJobRunner } from '../apps/bff/src/jobs/index.js';
import { JobStore } from '../apps/bff/src/jobs/job-store.js';
import { mapLimit } from '../apps/bff/src/domain/map-limit.js';
import { JobTokenSealer } from '../apps/bff/src/jobs/token-sealer.js';
import { createStore, type Store } from '../apps/bff/src/store/index.js';
import { freePort, stopChildren } from './support.js';
import type { BenchRow } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** devpi answers small JSON in about 10 ms (packages/devpi-ground-truth/devpi-6.19.1/API.md). */
const DEVPI_LATENCY_MS = 10;
const PROJECTS = 1_000;
const VERSIONS = 10;
const COPY_RELEASES = 150;
const SECRET = 'jobs-bench-secret-jobs-bench-secret-!!';
const tag = Date.now().toString(36);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function startDouble(children: ChildProcess[]): Promise<{ url: string; rootPassword: string }> {
  if (process.env['DEVPI_URL']) return { url: process.env['DEVPI_URL'].replace(/\/+$/, ''), rootPassword: process.env['DEVPI_ROOT_PASSWORD'] ?? '' };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'packages/devpi-sim/dist/cli.js'), '--host', '127.0.0.1', '--port', String(port), '--latency-ms', String(DEVPI_LATENCY_MS)], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await fetch(`${url}/+api`).then((r) => r.ok, () => false)) return { url, rootPassword: '' };
    await delay(50);
  }
  throw new Error('the devpi double did not start');
}

async function seed(devpi: DevpiClient, user: string, index: string, releases: Array<{ name: string; version: string }>): Promise<void> {
  await devpi.createIndex(user, index, { bases: [] });
  await mapLimit(releases, 12, async ({ name, version }) => {
    const wheel = makeWheel({ name, version });
    // A loaded machine drops the odd connection while seeding; seeding is not what is measured.
    for (let attempt = 0; ; attempt++) {
      try {
        await devpi.upload(user, index, { filename: wheel.filename, content: wheel.content, name, version });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await delay(200);
      }
    }
  });
}

/** A store, a runner with the default concurrency and a way to run one job of `kind` to the end. */
async function jobsOn(devpiUrl: string, store: Store, token: string) {
  const config = loadConfig({ DEVPI_URL: devpiUrl, SESSION_SECRET: SECRET, LOG_LEVEL: 'silent', DATA_DIR: tmpdir() }, '/nonexistent');
  const runner = createJobRunner({ config, store, logger: pino({ level: 'silent' }), pollMs: 50 });
  const jobs = new JobStore(store);
  const sealer = new JobTokenSealer(SECRET);
  runner.start();
  const waitFor = async (id: string, states: string[]) => {
    for (;;) {
      const row = await jobs.get(id);
      if (row !== undefined && states.includes(row.state)) return row;
      await delay(20);
    }
  };
  /** Creates a job and resolves once it awaits confirmation (its preview listed), with the time that took. */
  const preview = async (kind: string, params: Record<string, unknown>) => {
    const id = `${kind}-${Math.random().toString(36).slice(2)}`;
    const started = performance.now();
    await jobs.create({ id, kind, title: kind, creator: 'root', params, tokenSealed: sealer.seal(id, token), tokenExpires: Date.now() + 3_600_000, now: Date.now() });
    runner.poke();
    const planned = await waitFor(id, ['awaiting_confirmation', 'failed']);
    if (planned.state === 'failed') throw new Error(`${kind} plan failed: ${planned.reason ?? ''}`);
    return { id, row: planned, ms: performance.now() - started, started };
  };
  /** Plans, then confirms. */
  const plan = async (kind: string, params: Record<string, unknown>) => {
    const { id } = await preview(kind, params);
    await jobs.transition(id, ['awaiting_confirmation'], 'running', Date.now(), { started: true });
    runner.poke();
    return id;
  };
  const run = async (kind: string, params: Record<string, unknown>) => {
    const id = await plan(kind, params);
    const started = performance.now();
    const done = await waitFor(id, ['done', 'failed', 'paused']);
    if (done.state !== 'done') throw new Error(`${kind} ended ${done.state}: ${done.reason ?? ''}`);
    return { ms: performance.now() - started };
  };
  /** Starts a job, runs `meanwhile` while it works, then cancels what is left of it. */
  const during = async (kind: string, params: Record<string, unknown>, meanwhile: () => Promise<void>) => {
    const id = await plan(kind, params);
    await waitFor(id, ['running']);
    await meanwhile();
    const tally = await jobs.tally(id, 0);
    await jobs.transition(id, ['running', 'paused'], 'cancelled', Date.now());
    return tally;
  };
  /** Resolves once the job has measured its sizes, with the time since `started`. */
  const measured = async (id: string, started: number) => {
    for (;;) {
      const row = await jobs.get(id);
      if (row !== undefined && Number(row.measuring) === 0) return { row, ms: performance.now() - started };
      await delay(20);
    }
  };
  const items = async (id: string) => {
    const all = [];
    for await (const row of jobs.eachItem(id)) all.push({ key: row.item_key, bytes: Number(row.bytes), unsized: Number(row.unsized) });
    return all;
  };
  const cancel = (id: string) => jobs.transition(id, ['awaiting_confirmation'], 'cancelled', Date.now());
  return { run, during, preview, measured, items, cancel, stop: () => runner.stop() };
}

export async function run(): Promise<BenchRow[]> {
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'jobs-bench-'));
  try {
    const target = await startDouble(children);
    const anonymous = new DevpiClient({ baseUrl: target.url });
    const token = (await anonymous.login('root', target.rootPassword)).token;
    const devpi = anonymous.withAuth('root', token);
    const store = await createStore({ databaseUrl: undefined, dataDir: dir });
    const rows: BenchRow[] = [];

    // 1. Cleanup preview of 10,000 releases (keep the newest 2 of 10 per project: 8,000 go), through the runner.
    const big = `bigci-${tag}`;
    await seed(devpi, 'root', big, Array.from({ length: PROJECTS * VERSIONS }, (_, i) => ({ name: `bench-pkg-${Math.floor(i / VERSIONS)}`, version: `1.${i % VERSIONS}.0` })));
    const jobs = await jobsOn(target.url, store, token);
    const rules = { indexes: [`root/${big}`], keepNewest: 2 };
    // No length known yet: the preview lists every release and file at once, then measures (a HEAD per file).
    const cold = await jobs.preview('cleanup', rules);
    const listed = await jobs.items(cold.id);
    const summary = JSON.parse(cold.row.summary) as Record<string, number>;
    if (listed.length !== summary['releasesToRemove'] || summary['filesToRemove'] !== summary['filesUnsized']) throw new Error('the cold preview did not list every release with its files unsized');
    rows.push({ bench: 'jobs', metric: `cleanup preview of ${PROJECTS * VERSIONS} releases: every release (${listed.length}) and file (${summary['filesToRemove']}) listed, no size known`, value: Number((cold.ms / 1000).toFixed(2)), unit: 's', target: '<= 5', ok: cold.ms <= 5_000 });
    const sized = await jobs.measured(cold.id, cold.started);
    rows.push({ bench: 'jobs', metric: `cleanup preview: every file length measured (${summary['filesToRemove']} HEADs, while awaiting confirmation)`, value: Number((sized.ms / 1000).toFixed(2)), unit: 's' });
    // Again, as after an earlier preview or a storage report: the same plan, every size known at once.
    const warm = await jobs.preview('cleanup', rules);
    const coldItems = JSON.stringify(await jobs.items(cold.id));
    if (Number(warm.row.measuring) !== 0 || JSON.stringify(await jobs.items(warm.id)) !== coldItems) throw new Error('the preview with known sizes differs from the measured one');
    rows.push({ bench: 'jobs', metric: `cleanup preview of ${PROJECTS * VERSIONS} releases, sizes known by sha256`, value: Number((warm.ms / 1000).toFixed(2)), unit: 's', target: '<= 5', ok: warm.ms <= 5_000 });
    await jobs.cancel(cold.id);
    await jobs.cancel(warm.id);

    // 2. Copy: the job (default concurrency) vs a plain sequential push loop, same releases, same devpi.
    const src = `copysrc-${tag}`;
    await seed(devpi, 'root', src, Array.from({ length: COPY_RELEASES }, (_, i) => ({ name: `copy-pkg-${i % 30}`, version: `2.${i}` })));
    const loopTarget = `copyloop-${tag}`;
    await devpi.createIndex('root', loopTarget, { bases: [] });
    const loopStart = performance.now();
    for (let i = 0; i < COPY_RELEASES; i++) await devpi.push('root', src, { name: `copy-pkg-${i % 30}`, version: `2.${i}`, targetindex: `root/${loopTarget}` });
    const loopMs = performance.now() - loopStart;
    const copy = await jobs.run('copy-index', { source: `root/${src}`, target: `root/copyjob-${tag}` });
    const ratio = loopMs / copy.ms;
    rows.push({ bench: 'jobs', metric: `copy ${COPY_RELEASES} releases: plain push loop`, value: Number((COPY_RELEASES / (loopMs / 1000)).toFixed(1)), unit: 'releases/s' });
    rows.push({ bench: 'jobs', metric: `copy ${COPY_RELEASES} releases: copy job (with checks, verify)`, value: Number((COPY_RELEASES / (copy.ms / 1000)).toFixed(1)), unit: 'releases/s' });
    rows.push({ bench: 'jobs', metric: 'copy job throughput vs push loop', value: Math.round(ratio * 100), unit: '%', target: '>= 80', ok: ratio >= 0.8 });

    // 3. What pip does (PEP 503 page, then the wheel) idle, and while a cleanup job removes 8,000 releases.
    const pipOnce = async () => {
      const t = performance.now();
      const page = await fetch(`${target.url}/root/${src}/+simple/copy-pkg-3/`, { headers: { Accept: 'text/html' } });
      const href = /href="([^"#]+\.whl)/.exec(await page.text())?.[1];
      if (href === undefined) throw new Error('no wheel on the simple page');
      await (await fetch(new URL(href, `${target.url}/root/${src}/+simple/copy-pkg-3/`))).arrayBuffer();
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await pipOnce());
    const busy: number[] = [];
    const removed = await jobs.during('cleanup', { indexes: [`root/${big}`], keepNewest: 2 }, async () => {
      while (busy.length < 100) busy.push(await pipOnce());
    });
    const slow = median(busy) / median(idle);
    rows.push({ bench: 'jobs', metric: 'pip-like install p50, idle', value: Number(median(idle).toFixed(1)), unit: 'ms' });
    rows.push({ bench: 'jobs', metric: `pip-like install p50, during cleanup job (${removed.done} releases removed meanwhile)`, value: Number(median(busy).toFixed(1)), unit: 'ms' });
    rows.push({ bench: 'jobs', metric: 'pip p50 during cleanup vs idle', value: Number(slow.toFixed(2)), unit: 'x', target: '<= 1.5', ok: slow <= 1.5 });
    await jobs.stop();
    await store.close();
    return rows;
  } finally {
    await stopChildren(children);
    rmSync(dir, { recursive: true, force: true });
  }
}
