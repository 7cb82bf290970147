import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '@devpi-dashboard/devpi-sim';
import { jobsHarness } from './support/jobs-harness.js';

describe('copy-index job', () => {
  let h: Awaited<ReturnType<typeof jobsHarness>>;
  let alice: Awaited<ReturnType<typeof h.owner>>;
  const src = () => `${alice.name}/src`;
  const dst = () => `${alice.name}/copy`;
  const ownLinks = async (index: string, project: string, version: string) => {
    const [user = '', name = ''] = index.split('/');
    const links = (await alice.client.getVersion(user, name, project, version))?.['+links'] ?? [];
    return links.filter((link) => link.href.includes(`/${index}/+f/`)).map((link) => `${link.rel} ${decodeURIComponent(link.href.split('/').pop() ?? '')} ${link.hashes?.['sha256'] ?? ''}`).sort();
  };

  beforeAll(async () => {
    h = await jobsHarness();
    alice = await h.owner('copyalice');
    await alice.client.createIndex(alice.name, 'base', { bases: [] });
    await alice.client.createIndex(alice.name, 'src', {
      bases: [`${alice.name}/base`],
      acl_upload: [alice.name, ':ANONYMOUS:'],
      mirror_whitelist: ['six'],
      mirror_whitelist_inheritance: 'union',
      title: 'Source ünïcode',
      description: 'what we copy',
    });
    await h.upload(alice.client, src(), 'Copy.Me', '1.0', ['wheel', 'sdist']);
    await h.upload(alice.client, src(), 'Copy.Me', '2.0rc1', ['wheel']);
    await h.upload(alice.client, src(), 'skip-me', '1.0', ['wheel']);
    const docs = makeWheel({ name: 'docs-holder', version: '0' });
    await alice.client.uploadDoc(alice.name, 'src', { name: 'Copy.Me', version: '1.0', content: docs.content });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('dry-runs what would be created, then creates the target with the whole config and every release, files and docs, same sha256', async () => {
    const created = await h.create(alice.name, 'copy-index', { source: src(), target: dst(), excludeProjects: ['skip-*'] });
    const planned = await h.waitFor(alice.name, created.id, ['awaiting_confirmation', 'failed']);
    expect(planned).toMatchObject({ state: 'awaiting_confirmation', summary: { source: src(), target: dst(), projects: 1, releases: 2, files: 4 } });
    expect(Number(planned.summary['bytes'])).toBeGreaterThan(0);
    const [user = '', name = ''] = dst().split('/');
    expect(await alice.client.getIndex(user, name)).toBeUndefined();

    await h.api.post(alice.name, `/jobs/${created.id}/start`).expect(200);
    const done = await h.waitFor(alice.name, created.id, ['done', 'failed']);
    expect((await h.items(alice.name, created.id, '?state=failed')).items).toEqual([]);
    expect(done).toMatchObject({ state: 'done', counters: { done: 3, failed: 0, skipped: 0 } });
    const source = await alice.client.getIndex(alice.name, 'src', { noProjects: true });
    const copy = await alice.client.getIndex(user, name, { noProjects: true });
    expect(copy).toEqual(source);
    for (const version of ['1.0', '2.0rc1']) {
      const theirs = (await ownLinks(src(), 'copy-me', version)).map((line) => line.replace(src(), dst()));
      expect(await ownLinks(dst(), 'copy-me', version)).toEqual(theirs);
    }
    expect((await ownLinks(dst(), 'copy-me', '1.0')).some((line) => line.startsWith('doczip'))).toBe(true);
    expect(await alice.client.getProject(user, name, 'skip-me', { ignoreBases: true })).toBeUndefined();
    const rows = (await h.history.list({}, { kind: 'all' }, 0, 100)).rows.filter((row) => row.job_id === created.id);
    expect(rows.filter((row) => row.action === 'index.create')).toHaveLength(1);
    expect(rows.filter((row) => row.action === 'release.push' && row.outcome === 'ok')).toHaveLength(2);
  });

  it('refuses to copy into an index that exists', async () => {
    const created = await h.create(alice.name, 'copy-index', { source: src(), target: `${alice.name}/base` });
    const failed = await h.waitFor(alice.name, created.id, ['failed', 'awaiting_confirmation']);
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.reason).toContain('exists already');
  });
});
