import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobItemPageSchema, jobSchema, type Job } from '@devpi-dashboard/dashboard-api';
import { DevpiClient } from '@devpi-dashboard/devpi-client';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { HistoryStore } from '../src/history/history-store.js';
import { createStore } from '../src/store/index.js';
import { devpiFixture } from './support/devpi-fixtures.js';
import { startBffChild, type BffChild } from './hardening/support/bff-child.js';

const RELEASES = 24;

describe('a copy survives the BFF being killed in the middle', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let alice: { name: string; password: string };
  const dataDir = mkdtempSync(join(tmpdir(), 'bff-jobs-resume-'));
  const children: BffChild[] = [];
  const env = () => ({
    DEVPI_URL: devpi.target.url,
    SESSION_SECRET: 'resume-test-secret-resume-test-secret!!',
    DATA_DIR: dataDir,
    JOBS_CONCURRENCY: '1',
    JOBS_LEASE_MS: '2000',
    JOBS_ITEM_DELAY_MS: '150',
  });
  const start = async () => {
    const child = await startBffChild(env());
    children.push(child);
    return child;
  };
  let cookie = '';
  const call = async (bff: BffChild, method: 'GET' | 'POST', path: string, body?: object) => {
    const res = await fetch(`${bff.url}/+dashboard/api${path}`, {
      method,
      headers: { Cookie: cookie, 'X-Devpi-Dashboard': '1', Origin: bff.url, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  };
  const job = async (bff: BffChild, id: string): Promise<Job> => jobSchema.parse(await call(bff, 'GET', `/jobs/${id}`));

  beforeAll(async () => {
    devpi = await devpiFixture();
    alice = await devpi.user('resumer');
    const token = (await new DevpiClient({ baseUrl: devpi.target.url }).login(alice.name, alice.password)).token;
    const client = new DevpiClient({ baseUrl: devpi.target.url }).withAuth(alice.name, token);
    await client.createIndex(alice.name, 'big', { bases: [] });
    for (let i = 0; i < RELEASES; i++) {
      const wheel = makeWheel({ name: `resume-pkg-${i % 4}`, version: `1.${i}` });
      await client.upload(alice.name, 'big', { filename: wheel.filename, content: wheel.content, name: wheel.name, version: wheel.version });
    }
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await devpi?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is picked up after restart from where it stopped and finishes, with no release pushed twice', async () => {
    const first = await start();
    const login = await fetch(`${first.url}/+dashboard/api/session`, {
      method: 'POST',
      headers: { 'X-Devpi-Dashboard': '1', Origin: first.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: alice.name, password: alice.password }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = jobSchema.parse(await call(first, 'POST', '/jobs', { kind: 'copy-index', params: { source: `${alice.name}/big`, target: `${alice.name}/big-copy` } }));
    let current = created;
    while (current.state === 'planning') current = await job(first, created.id).then(async (j) => (j.state === 'planning' ? (await delay(100), j) : j));
    expect(current.state).toBe('awaiting_confirmation');
    expect(current.counters.total).toBe(RELEASES + 1);
    await call(first, 'POST', `/jobs/${created.id}/start`, {});
    while ((await job(first, created.id)).counters.done < 6) await delay(50);
    first.child.kill('SIGKILL');
    await first.exited;
    const halfway = (await job(await start(), created.id)).counters;
    expect(halfway.left).toBeGreaterThan(0);

    const second = children[1] as BffChild;
    let finished = await job(second, created.id);
    for (let i = 0; i < 1200 && finished.state !== 'done' && finished.state !== 'failed'; i++) {
      await delay(100);
      finished = await job(second, created.id);
    }
    expect(finished).toMatchObject({ state: 'done', counters: { failed: 0, left: 0 } });
    expect(finished.counters.done + finished.counters.skipped).toBe(RELEASES + 1);
    // At most the one item in flight at the kill was found done already and skipped.
    expect(finished.counters.skipped).toBeLessThanOrEqual(1);
    const items = jobItemPageSchema.parse(await call(second, 'GET', `/jobs/${created.id}/items?limit=500&state=skipped`)).items;
    for (const item of items) expect(item.message).toBe(`already on ${alice.name}/big-copy`);

    second.child.kill('SIGTERM');
    await second.exited;
    const store = await createStore({ databaseUrl: undefined, dataDir });
    try {
      const rows = (await new HistoryStore(store).list({ action: 'release.push' }, { kind: 'all' }, 0, 500)).rows.filter((row) => row.job_id === created.id);
      const okPerRelease = new Map<string, number>();
      for (const row of rows) if (row.outcome === 'ok') okPerRelease.set(`${row.target_project}==${row.target_version}`, (okPerRelease.get(`${row.target_project}==${row.target_version}`) ?? 0) + 1);
      expect([...okPerRelease.values()].every((n) => n === 1)).toBe(true);
      // Every release is on the copy exactly once; a push cut short by the kill left an "unknown" entry, never a second push.
      expect(rows.filter((row) => row.outcome === 'ok').length + rows.filter((row) => row.outcome === 'unknown').length).toBeLessThanOrEqual(RELEASES + 1);
    } finally {
      await store.close();
    }
    const token = (await new DevpiClient({ baseUrl: devpi.target.url }).login(alice.name, alice.password)).token;
    const client = new DevpiClient({ baseUrl: devpi.target.url }).withAuth(alice.name, token);
    for (let i = 0; i < 4; i++) {
      const copy = (await client.getProject(alice.name, 'big-copy', `resume-pkg-${i}`, { ignoreBases: true })) ?? {};
      const source = (await client.getProject(alice.name, 'big', `resume-pkg-${i}`, { ignoreBases: true })) ?? {};
      expect(Object.keys(copy).sort()).toEqual(Object.keys(source).sort());
      for (const [version, data] of Object.entries(copy)) {
        const files = (data['+links'] ?? []).filter((link) => link.rel === 'releasefile');
        expect(files).toHaveLength(1);
        expect(files[0]?.hashes?.['sha256']).toBe(source[version]?.['+links']?.find((link) => link.rel === 'releasefile')?.hashes?.['sha256']);
      }
    }
  }, 180_000);
});
