import { setTimeout as delay } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeWheel, makeSdist } from '@devpi-dashboard/devpi-sim';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { FileSizeStore } from '../storage/file-sizes.js';
import { createStore, type Store } from '../store/index.js';
import { forEachDialect } from '../test-support/store-dialects.js';
import type { JobContext, JobKind } from './job-kind.js';
import { JobStore } from './job-store.js';
import { cleanupKind, type CleanupParams } from './kinds/cleanup.js';
import { JobRegistry } from './registry.js';
import { JobRunner } from './runner.js';
import { JobTokenSealer } from './token-sealer.js';

const PROJECTS = 4;
const VERSIONS = 12;
/** keepNewest 1 of 12: 11 releases of each project go, two files each: 88 files over 44 items (two measuring batches). */
const GOING = PROJECTS * (VERSIONS - 1);
const SECRET = 'measure-test-secret-measure-test-secret!';

/** Polls `probe` until it holds (tests never assert on time: only a generous cap). */
async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 1_200; i++) {
    const got = await probe();
    if (got !== undefined && got !== false) return got;
    await delay(25);
  }
  throw new Error(`never: ${what}`);
}

/** The cleanup kind, with each measuring call held at a gate until the test lets it through. */
function gatedCleanup() {
  let calls = 0;
  let allowed = 0;
  const waiting: Array<{ call: number; resolve: () => void }> = [];
  const measure = cleanupKind.measure;
  if (measure === undefined) throw new Error('cleanup measures sizes');
  const kind: JobKind<CleanupParams> = {
    ...cleanupKind,
    async measure(ctx: JobContext, p, items, summary) {
      const call = ++calls;
      if (call > allowed) {
        await new Promise<void>((resolve) => {
          waiting.push({ call, resolve });
          ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      return measure.call(cleanupKind, ctx, p, items, summary);
    },
  };
  return {
    kind,
    get calls() { return calls; },
    /** Lets `n` more measuring calls through (all when unset). */
    open(n = Number.POSITIVE_INFINITY) {
      allowed += n;
      for (const held of waiting.splice(0)) {
        if (held.call <= allowed) held.resolve();
        else waiting.push(held);
      }
    },
  };
}

forEachDialect('a cleanup preview lists everything at once, then measures its sizes', (target) => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let user: { name: string; password: string };
  let token = '';
  /** The length of every file of the releases that go, by filename. */
  const lengths = new Map<string, number>();
  const stores: Store[] = [];
  const runners: JobRunner[] = [];
  const sealer = new JobTokenSealer(SECRET);
  let n = 0;

  beforeAll(async () => {
    devpi = await devpiFixture();
    user = await devpi.user('measurer');
    token = (await new DevpiClient({ baseUrl: devpi.target.url }).login(user.name, user.password)).token;
    const client = new DevpiClient({ baseUrl: devpi.target.url }).withAuth(user.name, token);
    await client.createIndex(user.name, 'ci', { bases: [] });
    for (let p = 0; p < PROJECTS; p++) {
      for (let v = 0; v < VERSIONS; v++) {
        for (const file of [makeWheel({ name: `measure-pkg-${p}`, version: `1.${v}` }), makeSdist({ name: `measure-pkg-${p}`, version: `1.${v}` })]) {
          await client.upload(user.name, 'ci', { filename: file.filename, content: file.content, name: file.name, version: file.version });
          if (v < VERSIONS - 1) lengths.set(file.filename, file.content.length);
        }
      }
    }
  }, 120_000);
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    for (const store of stores) await store.close();
    target.cleanup();
    await devpi?.close();
  });

  const setup = async () => {
    const store = await createStore(await target.freshConfig());
    stores.push(store);
    const jobs = new JobStore(store);
    const sizes = new FileSizeStore(store);
    const runner = (replica: string, gate: ReturnType<typeof gatedCleanup>, now: () => number = Date.now) => {
      const made = new JobRunner({
        jobs,
        registry: new JobRegistry().register(gate.kind),
        sealer,
        devpi: new DevpiClient({ baseUrl: devpi.target.url }),
        replica,
        concurrency: 2,
        leaseMs: 1_500,
        pollMs: 50,
        itemDelayMs: 0,
        logger: pino({ level: 'silent' }),
        now,
        sizes,
      });
      runners.push(made);
      return made;
    };
    const id = `measure-${++n}`;
    await jobs.create({ id, kind: 'cleanup', title: 't', creator: user.name, params: { indexes: [`${user.name}/ci`], keepNewest: 1 }, tokenSealed: sealer.seal(id, token), tokenExpires: Date.now() + 3_600_000, now: Date.now() });
    const items = async () => {
      const rows = [];
      for await (const row of jobs.eachItem(id)) rows.push(row);
      return rows;
    };
    const filesOf = (spec: string) => (JSON.parse(spec) as { files: Array<{ filename: string; size: number | null }> }).files;
    /** What each item's bytes must be once every length is known. */
    const exact = (spec: string) => filesOf(spec).reduce((sum, file) => sum + (lengths.get(file.filename) ?? Number.NaN), 0);
    const summary = async () => JSON.parse((await jobs.get(id))?.summary ?? '{}') as Record<string, number>;
    return { store, jobs, sizes, runner, id, items, filesOf, exact, summary };
  };

  it('saves the plan with every release and file and no size, then fills the sizes and the summary in', async () => {
    const t = await setup();
    const gate = gatedCleanup();
    t.runner('a', gate).start();
    const planned = await until('planned', async () => (await t.jobs.get(t.id))?.state === 'awaiting_confirmation' && t.jobs.get(t.id));
    expect(Number(planned.measuring)).toBe(1);
    const preview = await t.items();
    expect(preview).toHaveLength(GOING);
    expect(preview.every((row) => Number(row.unsized) === 2 && Number(row.bytes) === 0 && t.filesOf(row.spec).every((file) => file.size === null))).toBe(true);
    expect(await t.summary()).toMatchObject({ releasesToRemove: GOING, filesToRemove: 2 * GOING, filesUnsized: 2 * GOING, bytesFreed: 0 });
    expect((await t.jobs.tally(t.id, 0)).unsized).toBe(2 * GOING);

    gate.open();
    await until('measured', async () => Number((await t.jobs.get(t.id))?.measuring) === 0);
    const measured = await t.items();
    expect(measured.every((row) => Number(row.unsized) === 0 && Number(row.bytes) === t.exact(row.spec))).toBe(true);
    const total = [...lengths.values()].reduce((a, b) => a + b, 0);
    expect(await t.summary()).toMatchObject({ filesUnsized: 0, bytesFreed: total });
    expect((await t.jobs.get(t.id))?.state).toBe('awaiting_confirmation');
    // The store learned every length: the next preview of the same files asks devpi nothing.
    const shas = measured.flatMap((row) => (JSON.parse(row.spec) as { files: Array<{ sha256: string }> }).files.map((file) => file.sha256));
    expect((await t.sizes.known(shas)).size).toBe(2 * GOING);
  });

  it('carries on measuring on the replica that takes the lease over from one that stopped renewing it', async () => {
    const t = await setup();
    // The first replica never gets a batch through: it stops renewing its lease while measuring.
    const first = t.runner('first', gatedCleanup());
    first.start();
    await until('planned', async () => Number((await t.jobs.get(t.id))?.measuring) === 1);
    expect((await t.jobs.get(t.id))?.lease_owner).toBe(first.owner);
    // A second replica whose clock is past the first one's lease: to it, the first replica is dead.
    const open = gatedCleanup();
    open.open();
    const second = t.runner('second', open, () => Date.now() + 60_000);
    second.start();
    await until('taken over and measured', async () => Number((await t.jobs.get(t.id))?.measuring) === 0);
    const measured = await t.items();
    expect(measured.every((row) => Number(row.unsized) === 0 && Number(row.bytes) === t.exact(row.spec))).toBe(true);
    expect(await t.summary()).toMatchObject({ filesUnsized: 0 });
    expect(open.calls).toBeGreaterThan(0);
  });

  // Last: this run removes the releases from devpi.
  it('stops measuring when confirmed, and the run measures the rest: the bytes freed are exact', async () => {
    const t = await setup();
    const gate = gatedCleanup();
    gate.open(1);
    t.runner('a', gate).start();
    // The first batch is saved, the second waits at the gate.
    await until('one batch measured', async () => gate.calls === 2);
    expect((await t.summary())['filesUnsized']).toBeLessThan(2 * GOING);
    expect(await t.jobs.transition(t.id, ['awaiting_confirmation'], 'running', Date.now(), { started: true })).toBe(true);
    const done = await until('done', async () => {
      const job = await t.jobs.get(t.id);
      return (job?.state === 'done' || job?.state === 'failed') && job;
    });
    expect(done.state).toBe('done');
    // The measuring call waiting at the gate was the last one: nothing measured after the confirmation.
    expect(gate.calls).toBe(2);
    const finished = await t.items();
    expect(finished.every((row) => row.state === 'done' && Number(row.unsized) === 0 && Number(row.bytes) === t.exact(row.spec))).toBe(true);
    const tally = await t.jobs.tally(t.id, 0);
    expect(tally).toMatchObject({ done: GOING, unsized: 0, bytesDone: [...lengths.values()].reduce((a, b) => a + b, 0) });
  });
});
