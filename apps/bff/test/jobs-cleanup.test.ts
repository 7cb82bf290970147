import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { op } from '@devpi-dashboard/devpi-client';
import { jobsHarness } from './support/jobs-harness.js';

describe('cleanup job: the preview is exactly what goes', () => {
  let h: Awaited<ReturnType<typeof jobsHarness>>;
  let alice: Awaited<ReturnType<typeof h.owner>>;
  const ci = () => `${alice.name}/ci`;
  const versionsOf = async (index: string, project: string) => {
    const [user = '', name = ''] = index.split('/');
    return Object.keys((await alice.client.getProject(user, name, project, { ignoreBases: true })) ?? {}).sort();
  };

  beforeAll(async () => {
    h = await jobsHarness();
    alice = await h.owner('cleanalice');
    await alice.client.createIndex(alice.name, 'ci', { bases: [] });
    for (const version of ['1.0.0', '1.1.0', '1.2.0.dev1', '1.2.0.dev2', '1.2.0']) await h.upload(alice.client, ci(), 'Clean.Me', version);
    for (const version of ['0.1', '0.2', '0.3']) await h.upload(alice.client, ci(), 'keep-me', version, ['wheel']);
    await h.upload(alice.client, ci(), 'Other.Thing', '3.0', ['sdist']);
    await h.upload(alice.client, ci(), 'Other.Thing', '3.1', ['sdist']);
  });
  afterAll(async () => {
    await alice?.client.patchIndex(alice.name, 'guarded', [op.set('volatile', true)]).catch(() => undefined);
    await h?.close();
  });

  it('previews every release and file with sizes, runs exactly those, and leaves the rest', async () => {
    const created = await h.create(alice.name, 'cleanup', { indexes: [ci()], keepNewest: 1, excludeProjects: ['keep-*'] });
    const planned = await h.waitFor(alice.name, created.id, ['awaiting_confirmation', 'failed']);
    expect(planned.state).toBe('awaiting_confirmation');
    expect(planned.confirmText).toBeNull();
    const going = [`${ci()}/clean-me==1.0.0`, `${ci()}/clean-me==1.1.0`, `${ci()}/clean-me==1.2.0.dev1`, `${ci()}/clean-me==1.2.0.dev2`, `${ci()}/other-thing==3.0`].sort();
    // The list comes first, whole; the sizes follow while the job awaits confirmation.
    expect((await h.items(alice.name, created.id)).items.map((item) => item.key).sort()).toEqual(going);
    expect(planned.summary).toMatchObject({ releasesToRemove: 5, filesToRemove: 9 });
    let measured = planned;
    for (let i = 0; measured.measuring && i < 600; i++) measured = await delay(50).then(() => h.job(alice.name, created.id));
    const preview = (await h.items(alice.name, created.id)).items;
    expect(preview.map((item) => item.key).sort()).toEqual(going);
    expect(preview.every((item) => item.bytes > 0 && item.unsized === 0)).toBe(true);
    expect(measured).toMatchObject({ state: 'awaiting_confirmation', counters: { unsized: 0 } });
    expect(measured.summary).toMatchObject({ releasesToRemove: 5, filesToRemove: 9, filesUnsized: 0, bytesFreed: preview.reduce((sum, item) => sum + item.bytes, 0) });
    const csv = await h.api.get(alice.name, `/jobs/${created.id}/items.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(6);

    // A release uploaded after the preview is not touched; a file added to a planned release keeps it.
    await h.upload(alice.client, ci(), 'Clean.Me', '0.9.0', ['wheel']);
    await h.upload(alice.client, ci(), 'Other.Thing', '3.0', ['wheel']);

    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(200);
    const done = await h.waitFor(alice.name, created.id, ['done', 'failed']);
    expect(done).toMatchObject({ state: 'done', counters: { done: 4, skipped: 1, failed: 0 } });
    expect(await versionsOf(ci(), 'clean-me')).toEqual(['0.9.0', '1.2.0']);
    expect(await versionsOf(ci(), 'keep-me')).toEqual(['0.1', '0.2', '0.3']);
    expect(await versionsOf(ci(), 'other-thing')).toEqual(['3.0', '3.1']);
    const skipped = (await h.items(alice.name, created.id, '?state=skipped')).items;
    expect(skipped[0]).toMatchObject({ key: `${ci()}/other-thing==3.0`, message: 'files changed since the preview; left as it is' });
    const removals = (await h.history.list({ action: 'release.remove', index: ci() }, { kind: 'all' }, 0, 50)).rows;
    expect(removals.filter((row) => row.job_id === created.id).map((row) => row.target_version).sort()).toEqual(['1.0.0', '1.1.0', '1.2.0.dev1', '1.2.0.dev2']);
  });

  it('asks for the names of non-volatile indexes before starting', async () => {
    await alice.client.createIndex(alice.name, 'guarded', { bases: [], volatile: false });
    await h.upload(alice.client, `${alice.name}/guarded`, 'guarded-pkg', '1.0', ['wheel']);
    await h.upload(alice.client, `${alice.name}/guarded`, 'guarded-pkg', '2.0', ['wheel']);
    const created = await h.create(alice.name, 'cleanup', { indexes: [`${alice.name}/guarded`], keepNewest: 1 });
    const planned = await h.waitFor(alice.name, created.id, ['awaiting_confirmation', 'failed']);
    expect(planned).toMatchObject({ confirmText: `${alice.name}/guarded`, summary: { nonVolatile: `${alice.name}/guarded` } });
    const refused = await h.api.post(alice.name, `/jobs/${created.id}/start`, { confirm: 'guarded' }).expect(400);
    expect(refused.body.error.message).toContain(`${alice.name}/guarded`);
    expect((await h.job(alice.name, created.id)).state).toBe('awaiting_confirmation');
    await h.api.post(alice.name, `/jobs/${created.id}/cancel`).expect(200);
  });

  it('refuses a cleanup without a rule, naming the field', async () => {
    const res = await h.api.post(alice.name, '/jobs', { kind: 'cleanup', params: { indexes: [ci()] } }).expect(400);
    expect(Object.keys(res.body.error.details.fields)).toContain('keepNewest');
  });
});
