import { afterAll, expect, it } from 'vitest';
import { forEachDialect } from '../test-support/store-dialects.js';
import { createStore } from '../store/index.js';
import { StorageStore } from './storage-store.js';

const at = new Date('2026-12-01T10:00:00.000Z');
// 300 characters of unicode: devpi accepts names like this, and the store must key them.
const longProject = `Ünïcode-${'é'.repeat(292)}`;

forEachDialect('StorageStore', (target) => {
  afterAll(() => target.cleanup());

  async function withStore(body: (storage: StorageStore) => Promise<void>) {
    const store = await createStore(await target.freshConfig());
    try {
      await body(new StorageStore(store));
    } finally {
      await store.close();
    }
  }

  it('sums releases into projects and indexes, largest first, with bytes past 32 bits', async () => {
    await withStore(async (storage) => {
      await storage.saveScan({
        index: 'alice/dev',
        type: 'stage',
        releases: [
          { project: 'Big_Thing', version: '1.0', files: 2, bytes: 3_000_000_000, unknownFiles: 0 },
          { project: 'big-thing', version: '2.0', files: 1, bytes: 5, unknownFiles: 1 },
          { project: longProject, version: '0.1', files: 1, bytes: 100, unknownFiles: 0 },
        ],
      }, at, 'alice');
      await storage.saveScan({ index: 'root/prod', type: 'stage', releases: [{ project: 'tiny', version: '1', files: 1, bytes: 7, unknownFiles: 0 }] }, at, 'root');
      const summary = await storage.summary(10);
      expect(summary.indexes.map((i) => [i.index, i.projects, i.releases, i.files, i.bytes, i.unknownFiles])).toEqual([
        ['alice/dev', 2, 3, 4, 3_000_000_105, 1],
        ['root/prod', 1, 1, 1, 7, 0],
      ]);
      expect(summary.indexes[0]?.scannedAt).toBe(at.toISOString());
      expect(summary.totals).toEqual({ files: 5, bytes: 3_000_000_112, unknownFiles: 1 });
      expect(summary.largestProjects.map((p) => [p.index, p.releases, p.files, p.bytes])).toEqual([
        ['alice/dev', 2, 3, 3_000_000_005],
        ['alice/dev', 1, 1, 100],
        ['root/prod', 1, 1, 7],
      ]);
      expect(summary.largestProjects[1]?.project).toBe(longProject);
      expect(summary.largestReleases[0]).toEqual({ index: 'alice/dev', project: 'Big_Thing', version: '1.0', files: 2, bytes: 3_000_000_000 });
      const detail = await storage.indexDetail('root/prod', 10);
      expect(detail.index?.bytes).toBe(7);
      expect(detail.projects).toEqual([{ index: 'root/prod', project: 'tiny', releases: 1, files: 1, bytes: 7 }]);
    });
  });

  it('replaces an index on a new scan and forgets one devpi no longer has', async () => {
    await withStore(async (storage) => {
      await storage.saveScan({ index: 'alice/dev', type: 'stage', releases: [{ project: 'a', version: '1', files: 1, bytes: 10, unknownFiles: 0 }] }, at, 'alice');
      await storage.saveScan({ index: 'alice/dev', type: 'stage', releases: [{ project: 'b', version: '1', files: 1, bytes: 20, unknownFiles: 0 }] }, at, 'alice');
      expect((await storage.indexDetail('alice/dev', 10)).projects.map((p) => p.project)).toEqual(['b']);
      await storage.forgetIndex('alice/dev');
      expect(await storage.knownIndexes()).toEqual([]);
      expect(await storage.indexDetail('alice/dev', 10)).toEqual({ index: null, projects: [] });
    });
  });

  it('keeps an index of thousands of releases in one scan', async () => {
    await withStore(async (storage) => {
      const releases = Array.from({ length: 2_500 }, (_, i) => ({ project: `p${i % 50}`, version: `1.${i}`, files: 1, bytes: i, unknownFiles: 0 }));
      await storage.saveScan({ index: 'ci/builds', type: 'stage', releases }, at, null);
      const [index] = await storage.indexes();
      expect(index).toMatchObject({ projects: 50, releases: 2_500, files: 2_500, bytes: (2_499 * 2_500) / 2 });
    });
  });
});
