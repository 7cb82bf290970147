import { isMirrorIndex, type DevpiClient, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { ProjectScope } from '@devpi-dashboard/dashboard-api';
import { TtlCache } from './ttl-cache.js';
import { mergeLists, nameList, searchList, type NameList, type SearchHits } from './name-lists.js';
import { indexConfigs, resolutionOrder } from './resolution-order.js';

export interface PackageStoreOptions {
  /** How long a project list is served without re-reading it (stale-while-revalidate after). */
  listTtlMs?: number;
  /** devpi's serial is asked for at most this often; it tells when stage lists changed. */
  serialProbeMs?: number;
  now?: () => number;
}

export interface ServerState {
  serial: number;
  /** devpi-web is installed: `/+search` and `+d/` documentation exist. */
  web: boolean;
}

export interface LoadedList {
  list: NameList;
  serial: number;
  fetchedAt: number;
}

const splitName = (name: string): [string, string] => {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
};

/**
 * The BFF's memory of devpi's project lists. Each index's list is read from devpi once and kept,
 * sorted, for a short TTL; stage lists are keyed by devpi's serial so an upload shows at once,
 * while a mirror's list (which devpi itself caches for `mirror_cache_expiry`) is kept by age only.
 * The lists are read anonymously-shaped data (devpi has no per-index read ACL), so all users share them.
 */
export class PackageStore {
  private readonly now: () => number;
  private readonly serialProbeMs: number;
  private probe?: { at: number; state: Promise<ServerState> };
  private readonly lists: TtlCache<LoadedList>;
  private readonly merged: TtlCache<LoadedList>;
  private readonly roots: TtlCache<Map<string, IndexConfig>>;
  private readonly searches: TtlCache<SearchHits | undefined>;

  constructor(
    private readonly devpi: DevpiClient,
    options: PackageStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.serialProbeMs = options.serialProbeMs ?? 1000;
    const ttlMs = options.listTtlMs ?? 5 * 60_000;
    this.lists = new TtlCache({ ttlMs, maxEntries: 500, now: this.now });
    this.merged = new TtlCache({ ttlMs, maxEntries: 100, now: this.now });
    this.roots = new TtlCache({ ttlMs, maxEntries: 1, now: this.now });
    // Paging through one search result must not rescan 600,000 names for every page.
    this.searches = new TtlCache({ ttlMs: 60_000, maxEntries: 64, now: this.now });
  }

  /**
   * devpi's current serial and whether devpi-web is there; one `/+status` per probe interval, or
   * a new one when `fresh` (the browser asked with `Cache-Control: no-cache`, e.g. right after an
   * upload: then the list must show it, not wait for the next probe).
   */
  state(fresh = false): Promise<ServerState> {
    const now = this.now();
    if (this.probe && now - this.probe.at < this.serialProbeMs && (!fresh || this.probe.at === now)) return this.probe.state;
    const state = this.devpi.status().then((s) => ({ serial: s.serial, web: s.versioninfo?.['devpi-web'] !== undefined }));
    this.probe = { at: now, state };
    state.catch(() => {
      if (this.probe?.state === state) this.probe = undefined;
    });
    return state;
  }

  /** Every index config (`GET /`), re-read when the serial moves. */
  async configs(): Promise<Map<string, IndexConfig>> {
    const { serial } = await this.state();
    return this.roots.get('root', String(serial), async () => indexConfigs(await this.devpi.listRoot()));
  }

  /** One index's own project names. */
  async ownList(name: string, config: IndexConfig): Promise<LoadedList> {
    const { serial } = await this.state();
    const version = isMirrorIndex(config) ? 'mirror' : String(serial);
    // devpi re-reads a mirror's upstream list only every mirror_cache_expiry seconds (default
    // 1800); asking it sooner would only cost it a second of Python and this process a long parse.
    const ttlMs = isMirrorIndex(config) ? Math.max(60, config.mirror_cache_expiry ?? 1800) * 1000 : undefined;
    return this.lists.get(name, version, async () => {
      const [user, index] = splitName(name);
      // PEP 691 is devpi's cheapest full list for a mirror (330 ms for 600,000 names vs 813 ms).
      const raw = isMirrorIndex(config)
        ? (await this.devpi.simpleIndex(user, index)).projects.map((p) => p.name)
        : ((await this.devpi.getIndex(user, index))?.projects ?? []);
      return { list: nameList(name, raw), serial, fetchedAt: this.now() };
    }, ttlMs);
  }

  /** The list for an index page: its own projects, or with everything its bases bring in. */
  async list(name: string, scope: ProjectScope): Promise<LoadedList | undefined> {
    const configs = await this.configs();
    const config = configs.get(name);
    if (!config) return undefined;
    if (scope === 'own' || isMirrorIndex(config)) return this.ownList(name, config);
    const order = resolutionOrder(name, configs).flatMap((r) => {
      const c = configs.get(r.name);
      return c ? [{ name: r.name, config: c }] : [];
    });
    const parts = await Promise.all(order.map((r) => this.ownList(r.name, r.config)));
    const version = parts.map((p) => `${p.serial}@${p.fetchedAt}`).join(',');
    return this.merged.get(name, version, async () => ({
      list: mergeLists(parts.map((p) => p.list)),
      serial: Math.max(...parts.map((p) => p.serial)),
      fetchedAt: Math.min(...parts.map((p) => p.fetchedAt)),
    }));
  }

  /** Positions in `loaded` matching `query`, remembered per list version for paging. */
  async search(name: string, loaded: LoadedList, query: string): Promise<SearchHits | undefined> {
    const key = `${name}\u0000${loaded.serial}@${loaded.fetchedAt}\u0000${query}`;
    return this.searches.get(key, '', async () => searchList(loaded.list, query));
  }

  /** Forgets an index's list after the dashboard changed it (upload, removal, push). */
  invalidate(name: string): void {
    this.lists.invalidate(name);
    this.merged.invalidate(name);
    this.probe = undefined;
  }
}
