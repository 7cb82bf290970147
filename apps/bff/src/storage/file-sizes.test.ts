import { afterAll, expect, it } from 'vitest';
import { forEachDialect } from '../test-support/store-dialects.js';
import { createStore } from '../store/index.js';
import { FileSizeStore, sizesOf } from './file-sizes.js';

const sha = (n: number) => n.toString(16).padStart(64, '0');

forEachDialect('FileSizeStore', (target) => {
  afterAll(() => target.cleanup());

  it('asks devpi only for lengths it has not learned, and learns the ones devpi says', async () => {
    const store = await createStore(await target.freshConfig());
    try {
      const cache = new FileSizeStore(store, () => 1_000);
      const lengths = new Map([[sha(1), 3_000_000_000], [sha(2), 20], [sha(3), 30]]);
      const asked: string[] = [];
      const head = (file: { sha256: string | null; name: string }) => {
        asked.push(file.name);
        return Promise.resolve(file.sha256 === null ? 7 : lengths.get(file.sha256));
      };
      const files = [{ name: 'a', sha256: sha(1) }, { name: 'b', sha256: sha(2) }, { name: 'nohash', sha256: null }, { name: 'unsaid', sha256: sha(9) }];
      const options = { sha256: (file: { sha256: string | null }) => file.sha256, head, width: 2, cache };
      expect(await sizesOf(files, options)).toEqual([3_000_000_000, 20, 7, undefined]);
      expect(asked.sort()).toEqual(['a', 'b', 'nohash', 'unsaid']);
      asked.length = 0;
      // The same bytes on another index: same sha256, no HEAD. No sha256, or devpi gave no length: asked again.
      expect(await sizesOf([...files, { name: 'c', sha256: sha(3) }, { name: 'a-copy', sha256: sha(1) }], options)).toEqual([3_000_000_000, 20, 7, undefined, 30, 3_000_000_000]);
      expect(asked.sort()).toEqual(['c', 'nohash', 'unsaid']);
      expect(await cache.known([sha(1), sha(3), sha(9), 'not-a-sha'])).toEqual(new Map([[sha(1), 3_000_000_000], [sha(3), 30]]));
    } finally {
      await store.close();
    }
  });

  it('looks up and learns more lengths than one query binds', async () => {
    const store = await createStore(await target.freshConfig());
    try {
      const cache = new FileSizeStore(store);
      const many = new Map(Array.from({ length: 1_234 }, (_, i) => [sha(i + 1), i] as const));
      await cache.remember(many);
      await cache.remember(new Map([[sha(1), 0]]));
      expect(await cache.known(many.keys())).toEqual(many);
    } finally {
      await store.close();
    }
  });
});
