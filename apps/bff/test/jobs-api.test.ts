import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobListSchema } from '@devpi-dashboard/dashboard-api';
import { jobsHarness } from './support/jobs-harness.js';

describe('jobs API with a runner: plan, preview, confirm, run, history', () => {
  let h: Awaited<ReturnType<typeof jobsHarness>>;
  let alice: Awaited<ReturnType<typeof h.owner>>;
  let bob: Awaited<ReturnType<typeof h.owner>>;
  const dev = () => `${alice.name}/dev`;
  const prod = () => `${alice.name}/prod`;

  beforeAll(async () => {
    h = await jobsHarness();
    alice = await h.owner('jobalice');
    bob = await h.owner('jobbob');
    await alice.client.createIndex(alice.name, 'dev', { bases: [] });
    await alice.client.createIndex(alice.name, 'prod', { bases: [] });
    await h.upload(alice.client, dev(), 'Promo.Pkg', '1.0.0');
    await h.upload(alice.client, dev(), 'Promo.Pkg', '1.1.0', ['wheel']);
    await h.login('root', h.devpi.target.rootPassword);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plans a promotion into a preview, runs it only once confirmed, and records every change', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '1.0.0' }] });
    expect(created.state).toBe('planning');
    const planned = await h.waitFor(alice.name, created.id, ['awaiting_confirmation', 'failed']);
    expect(planned).toMatchObject({ state: 'awaiting_confirmation', creator: alice.name, counters: { total: 1, left: 1, done: 0 } });
    expect(planned.counters.bytesTotal).toBeGreaterThan(0);
    // Nothing happens before the creator confirms.
    expect(await alice.client.getVersion(alice.name, 'prod', 'promo-pkg', '1.0.0')).toBeUndefined();
    const preview = await h.items(alice.name, created.id);
    expect(preview.items[0]).toMatchObject({ key: 'promo-pkg==1.0.0', state: 'pending' });

    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(200);
    const done = await h.waitFor(alice.name, created.id, ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', reason: null, counters: { done: 1, failed: 0, left: 0 } });
    const links = (await alice.client.getVersion(alice.name, 'prod', 'promo-pkg', '1.0.0'))?.['+links'] ?? [];
    expect(links.filter((link) => link.rel === 'releasefile')).toHaveLength(2);

    const entries = (await h.history.list({}, { kind: 'all' }, 0, 200)).rows.filter((row) => row.job_id === created.id);
    expect(entries.map((row) => row.action).sort()).toEqual(['job.create', 'job.finish', 'job.start', 'release.push']);
    expect(entries.every((row) => row.actor === alice.name && row.outcome === 'ok')).toBe(true);
    expect(entries.find((row) => row.action === 'release.push')).toMatchObject({ target_index: dev(), target_version: '1.0.0' });
    // The token went with the job.
    const row = await h.store.db.withTables<{ jobs: { id: string; token_sealed: string | null } }>().selectFrom('jobs').select('token_sealed').where('id', '=', created.id).executeTakeFirst();
    expect(row?.token_sealed).toBeNull();
  });

  it('skips an item devpi already shows as done, so a re-run changes nothing', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '1.0.0' }, { project: 'promo-pkg', version: '1.1.0' }] });
    await h.waitFor(alice.name, created.id, ['awaiting_confirmation']);
    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(200);
    await h.waitFor(alice.name, created.id, ['done']);
    const { items } = await h.items(alice.name, created.id);
    expect(items.map((item) => [item.key, item.state, item.message])).toEqual([
      ['promo-pkg==1.0.0', 'skipped', `already on ${prod()}`],
      ['promo-pkg==1.1.0', 'done', null],
    ]);
  });

  it('fails the plan with a clear reason when the source has no such release', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '9.9.9' }] });
    const failed = await h.waitFor(alice.name, created.id, ['failed', 'awaiting_confirmation']);
    expect(failed.state).toBe('failed');
    expect(failed.reason).toContain('promo-pkg 9.9.9');
  });

  it('refuses bad settings with the field named, and unknown kinds', async () => {
    const bad = await h.api.post(alice.name, '/jobs', { kind: 'promote', params: { source: dev(), target: dev(), releases: [] } }).expect(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(expect.arrayContaining(['releases']));
    await h.api.post(alice.name, '/jobs', { kind: 'no-such-kind', params: {} }).expect(400);
  });

  it('shows a job to its creator and root only; only the creator starts or resumes it; anyone allowed cancels', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '1.1.0' }] });
    await h.waitFor(alice.name, created.id, ['awaiting_confirmation']);
    await h.api.get(bob.name, `/jobs/${created.id}`).expect(404);
    expect(jobListSchema.parse((await h.api.get(bob.name, '/jobs').expect(200)).body).jobs.map((j) => j.id)).not.toContain(created.id);
    expect(jobListSchema.parse((await h.api.get('root', '/jobs').expect(200)).body).jobs.map((j) => j.id)).toContain(created.id);
    await h.api.post('root', `/jobs/${created.id}/start`).expect(403);
    await h.api.post(alice.name, `/jobs/${created.id}/pause`).expect(409);
    const cancelled = await h.api.post('root', `/jobs/${created.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', reason: 'Cancelled by root.' });
    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(409);
  });

  it('answers a job action that happened as done when only the history cannot take its outcome, and the intent stays', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '1.1.0' }] });
    await h.waitFor(alice.name, created.id, ['awaiting_confirmation']);
    const recordOutcome = h.history.recordOutcome.bind(h.history);
    h.history.recordOutcome = () => Promise.reject(new Error('store went away'));
    try {
      const cancelled = await h.api.post(alice.name, `/jobs/${created.id}/cancel`).expect(200);
      expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    } finally {
      h.history.recordOutcome = recordOutcome;
    }
    const entries = (await h.history.list({}, { kind: 'all' }, 0, 200)).rows.filter((row) => row.job_id === created.id && row.action === 'job.cancel');
    expect(entries).toHaveLength(1);
  });

  it('pauses a job whose devpi token ran out, and carries on with the token of the creator\'s fresh session', async () => {
    const created = await h.create(alice.name, 'promote', { source: dev(), target: prod(), releases: [{ project: 'promo-pkg', version: '1.1.0' }] });
    await h.waitFor(alice.name, created.id, ['awaiting_confirmation']);
    await h.runner.stop();
    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(200);
    // As if the sign-in had ended before the runner got to the job.
    await h.store.db.withTables<{ jobs: { id: string; token_expires: number | null } }>().updateTable('jobs').set({ token_expires: 1 }).where('id', '=', created.id).execute();
    h.runner.start();
    const paused = await h.waitFor(alice.name, created.id, ['paused', 'done']);
    expect(paused).toMatchObject({ state: 'paused', pauseReason: 'token_expired' });
    expect(paused.reason).toMatch(/sign in and resume/i);
    await h.api.post(bob.name, `/jobs/${created.id}/resume`).expect(404);
    await h.login(alice.name, alice.password);
    await h.api.post(alice.name, `/jobs/${created.id}/resume`).expect(200);
    expect((await h.waitFor(alice.name, created.id, ['done', 'failed'])).state).toBe('done');
  });

  it('needs the CSRF header for every job mutation', async () => {
    await h.api.get(alice.name, '/jobs').expect(200);
    const { default: request } = await import('supertest');
    await request(h.bff.url).post('/+dashboard/api/jobs').send({ kind: 'promote', params: {} }).expect(403);
  });
});
