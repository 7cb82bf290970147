import type { Kysely } from 'kysely';
import type { Store } from '../store/index.js';
import { mapLimit } from '../domain/map-limit.js';
import type { StorageTables } from './storage-tables.js';

/** sha256 values per query: well under SQLite's 32,766 bound parameters. */
const CHUNK = 500;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * File lengths by sha256 (migration 0008), learned from the HEADs jobs and the storage report
 * make. A length is a fact of the bytes, so it holds on any index and for ever.
 */
export class FileSizeStore {
  private readonly db: Kysely<StorageTables>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.db = store.db.withTables<StorageTables>();
  }

  async known(sha256s: Iterable<string>): Promise<Map<string, number>> {
    const wanted = [...new Set(sha256s)].filter((sha) => SHA256.test(sha));
    const found = new Map<string, number>();
    for (let start = 0; start < wanted.length; start += CHUNK) {
      const rows = await this.db.selectFrom('file_size').select(['sha256', 'bytes']).where('sha256', 'in', wanted.slice(start, start + CHUNK)).execute();
      for (const row of rows) found.set(row.sha256, Number(row.bytes));
    }
    return found;
  }

  async remember(sizes: ReadonlyMap<string, number>): Promise<void> {
    const rows = [...sizes].filter(([sha]) => SHA256.test(sha)).map(([sha256, bytes]) => ({ sha256, bytes, seen_at: this.now() }));
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.db.insertInto('file_size').values(rows.slice(start, start + CHUNK)).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    }
  }
}

/**
 * The lengths of `files`, in order: from `cache` where it knows the sha256, else from `head` (one
 * HEAD to devpi, at most `width` at once); lengths learned are added to the cache. undefined where
 * devpi did not say.
 */
export async function sizesOf<T>(
  files: readonly T[],
  options: { sha256: (file: T) => string | null; head: (file: T) => Promise<number | undefined>; width: number; cache?: FileSizeStore | undefined },
): Promise<Array<number | undefined>> {
  const { sha256, head, width, cache } = options;
  const known = cache === undefined ? new Map<string, number>() : await cache.known(files.flatMap((file) => sha256(file) ?? []));
  const learned = new Map<string, number>();
  const sizes = await mapLimit(files, width, async (file) => {
    const sha = sha256(file);
    const hit = sha === null ? undefined : known.get(sha);
    if (hit !== undefined) return hit;
    const size = await head(file);
    if (size !== undefined && sha !== null) learned.set(sha, size);
    return size;
  });
  await cache?.remember(learned);
  return sizes;
}
