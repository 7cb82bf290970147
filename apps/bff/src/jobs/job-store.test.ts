import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../store/index.js';
import { forEachDialect } from '../test-support/store-dialects.js';
import { JobStore } from './job-store.js';
import { JobTokenSealer } from './token-sealer.js';

const LEASE = 10_000;

forEachDialect('job store', (target) => {
  afterAll(() => target.cleanup());
  let store: Store;
  let jobs: JobStore;
  let n = 0;
  const newJob = async (now = 1_000) => {
    const id = `job-${++n}`;
    await jobs.create({ id, kind: 'cleanup', title: 't', creator: 'alice', params: { a: 1 }, tokenSealed: 'sealed', tokenExpires: now + 3_600_000, now });
    return id;
  };

  beforeEach(async () => {
    store = await createStore(await target.freshConfig());
    jobs = new JobStore(store);
  });
  afterEach(async () => {
    await store.close();
  });

  describe('the lease', () => {
    it('goes to exactly one of two replicas racing for the same job', async () => {
      const id = await newJob();
      const [a, b] = await Promise.all([jobs.claim('a', 2_000, LEASE, []), jobs.claim('b', 2_000, LEASE, [])]);
      expect([a?.id, b?.id].filter((got) => got === id)).toHaveLength(1);
      expect((await jobs.get(id))?.lease_owner).toBe(a === undefined ? 'b' : 'a');
    });

    it('is renewed by its holder only, and taken over once a dead holder lets it run out', async () => {
      const id = await newJob();
      expect((await jobs.claim('a', 2_000, LEASE, []))?.id).toBe(id);
      expect(await jobs.claim('b', 5_000, LEASE, [])).toBeUndefined();
      expect(await jobs.heartbeat(id, 'a', 8_000, LEASE)).toBe(true);
      expect(await jobs.claim('b', 15_000, LEASE, [])).toBeUndefined();
      expect(await jobs.heartbeat(id, 'b', 15_000, LEASE)).toBe(false);
      // a stopped renewing at 8 000: its lease ran out at 18 000.
      expect((await jobs.claim('b', 18_001, LEASE, []))?.id).toBe(id);
      expect(await jobs.heartbeat(id, 'a', 18_002, LEASE)).toBe(false);
    });

    it('is only taken on jobs with work to do, and given back on release', async () => {
      const id = await newJob();
      await jobs.claim('a', 2_000, LEASE, []);
      expect(await jobs.savePlan(id, 'a', { items: [{ key: 'k', label: 'l', bytes: 5, spec: {} }], summary: { n: 1 }, confirmText: null }, 3_000)).toBe(true);
      expect(await jobs.claim('b', 3_001, LEASE, [])).toBeUndefined();
      expect(await jobs.transition(id, ['awaiting_confirmation'], 'running', 4_000, { started: true })).toBe(true);
      expect((await jobs.claim('b', 4_001, LEASE, []))?.id).toBe(id);
      await jobs.release(id, 'b');
      expect((await jobs.get(id))?.lease_owner).toBeNull();
    });
  });

  describe('measuring sizes after the plan', () => {
    it('keeps the lease of a job awaiting confirmation while its sizes are measured, and lets it be taken over', async () => {
      const id = await newJob();
      await jobs.claim('a', 2_000, LEASE, []);
      expect(await jobs.savePlan(id, 'a', { items: [{ key: 'k', label: 'l', bytes: 0, unsized: 2, spec: {} }], summary: { n: 1 }, confirmText: null }, 3_000, LEASE)).toBe(true);
      expect(await jobs.get(id)).toMatchObject({ state: 'awaiting_confirmation', lease_owner: 'a' });
      expect(await jobs.claim('b', 4_000, LEASE, [])).toBeUndefined();
      expect((await jobs.claim('b', 13_001, LEASE, []))?.id).toBe(id);
      expect(await jobs.saveMeasured(id, 'a', { items: [{ seq: 0, bytes: 9, unsized: 0, spec: {} }], summary: { n: 2 } }, 13_002)).toBe(false);
      expect(await jobs.saveMeasured(id, 'b', { items: [{ seq: 0, bytes: 7, unsized: 0, spec: { s: 1 } }], summary: { n: 3 } }, 13_003)).toBe(true);
      expect((await jobs.items(id, undefined, 0, 10)).rows[0]).toMatchObject({ unsized: 0, spec: '{"s":1}' });
      expect((await jobs.get(id))?.summary).toBe('{"n":3}');
      expect(Number((await jobs.tally(id, 0)).bytesTotal)).toBe(7);
      await jobs.endMeasuring(id, 'b');
      await jobs.release(id, 'b');
      expect(await jobs.claim('c', 14_000, LEASE, [])).toBeUndefined();
    });
  });

  describe('plans, items and states', () => {
    it('keeps a plan of thousands of items in order and pages and tallies them', async () => {
      const id = await newJob();
      await jobs.claim('a', 2_000, LEASE, []);
      const items = Array.from({ length: 1_234 }, (_, i) => ({ key: `p/${i}`, label: `release ${i}`, bytes: i, spec: { i } }));
      await jobs.savePlan(id, 'a', { items, summary: { total: 1234 }, confirmText: 'alice/dev' }, 3_000);
      const row = await jobs.get(id);
      expect(row).toMatchObject({ state: 'awaiting_confirmation', confirm_text: 'alice/dev', lease_owner: null });
      const page = await jobs.items(id, undefined, 1_000, 300);
      expect(page.total).toBe(1_234);
      expect(page.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 234 }, (_, i) => 1_000 + i));
      await jobs.finishItem(id, 0, { state: 'done', message: null }, 5_000);
      await jobs.finishItem(id, 3, { state: 'failed', message: '403 Forbidden' }, 5_000);
      await jobs.finishItem(id, 4, { state: 'skipped', message: 'gone already', bytes: 0 }, 1_000);
      const tally = await jobs.tally(id, 4_000);
      expect(tally).toMatchObject({ total: 1_234, done: 1, failed: 1, skipped: 1, pending: 1_231, bytesDone: 0, recentItems: 2 });
      expect(tally.bytesTotal).toBe(items.reduce((sum, item) => sum + item.bytes, 0) - 4);
      expect((await jobs.pendingItems(id, -1, 3)).map((r) => Number(r.seq))).toEqual([1, 2, 5]);
      expect((await jobs.items(id, 'failed', 0, 10)).rows[0]?.message).toBe('403 Forbidden');
    });

    it('refuses a plan from a replica that lost the lease', async () => {
      const id = await newJob();
      await jobs.claim('a', 2_000, LEASE, []);
      await jobs.claim('b', 2_000 + LEASE + 1, LEASE, []);
      expect(await jobs.savePlan(id, 'a', { items: [], summary: {}, confirmText: null }, 20_000)).toBe(false);
      expect((await jobs.get(id))?.state).toBe('planning');
    });

    it('moves only from the named states and wipes the token when the job ends', async () => {
      const id = await newJob();
      expect(await jobs.transition(id, ['running'], 'paused', 2_000)).toBe(false);
      expect(await jobs.transition(id, ['planning', 'running'], 'cancelled', 2_000, { reason: 'Cancelled by alice.' })).toBe(true);
      expect(await jobs.get(id)).toMatchObject({ state: 'cancelled', token_sealed: null, token_expires: null, reason: 'Cancelled by alice.' });
      expect(Number((await jobs.get(id))?.finished_at)).toBe(2_000);
      expect(await jobs.transition(id, ['planning', 'running', 'paused'], 'running', 3_000)).toBe(false);
    });

    it('lists a user their own jobs and root all, newest first', async () => {
      const first = await newJob(1_000);
      const second = await newJob(2_000);
      await jobs.create({ id: 'other', kind: 'cleanup', title: 't', creator: 'bob', params: {}, tokenSealed: 's', tokenExpires: 9_000, now: 3_000 });
      expect((await jobs.list({ kind: 'user', user: 'alice' })).map((j) => j.id)).toEqual([second, first]);
      expect((await jobs.list({ kind: 'all' })).map((j) => j.id)).toEqual(['other', second, first]);
    });
  });
});

describe('job token sealer', () => {
  const sealer = new JobTokenSealer('a-session-secret-of-at-least-32-characters');
  it('opens what it sealed for the same job only', () => {
    const sealed = sealer.seal('job-1', 'devpi-token-ü');
    expect(sealed).not.toContain('devpi-token');
    expect(sealer.open('job-1', sealed)).toBe('devpi-token-ü');
    expect(sealer.open('job-2', sealed)).toBeUndefined();
    expect(new JobTokenSealer('another-secret-of-at-least-32-characters!').open('job-1', sealed)).toBeUndefined();
    expect(sealer.open('job-1', `${sealed.slice(0, -2)}AA`)).toBeUndefined();
  });
});
