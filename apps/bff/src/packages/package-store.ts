import { isFullStatus, isMirrorIndex, type DevpiClient, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { ProjectScope } from '@devpi-dashboard/dashboard-api';
import { TtlCache } from './ttl-cache.js';
import { mergeLists, nameList, searchList, type NameList, type SearchHits } from './name-lists.js';
import { isRefused, type Reader } from './reader.js';
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
 * devpi re-reads a mirror's upstream list only every mirror_cache_expiry seconds (default 1800);
 * asking it sooner would only cost it a second of Python and this process a long parse.
 */
function mirrorTtlMs(config: IndexConfig): number | undefined {
  return isMirrorIndex(config) ? Math.max(60, config.mirror_cache_expiry ?? 1800) * 1000 : undefined;
}

/** The same names as `b`, in the same order: then `b`'s copy is kept and `a` is dropped. */
function sameNames(a: NameList, b: NameList): boolean {
  if (a.norm.length !== b.norm.length) return false;
  for (let i = 0; i < a.norm.length; i += 1) if (a.names[i] !== b.names[i]) return false;
  return true;
}

/**
 * The BFF's memory of devpi's project lists. Each index's list is read from devpi once and kept,
 * sorted, for a short TTL; stage lists are keyed by devpi's serial (from the `X-Devpi-Serial`
 * header) so an upload shows at once, while a mirror's list (which devpi itself caches for
 * `mirror_cache_expiry`) is kept by age only.
 *
 * Lists are read anonymously and shared by everyone while devpi lets anonymous callers read
 * them. Where a plugin refuses that (devpi-admin's acl_read, devpi-lockdown), the store reads with
 * the session's credentials and keeps the answer per principal set; a list equal to one already
 * held shares its memory, so a 600,000-name mirror is held once however many users read it.
 */
export class PackageStore {
  private readonly now: () => number;
  private readonly serialProbeMs: number;
  private probe?: { at: number; serial: Promise<number> };
  private web?: boolean;
  /** Indexes (and '' for the root listing) that devpi refused to anonymous readers. */
  private readonly refused = new Set<string>();
  private readonly lists: TtlCache<LoadedList>;
  private readonly merged: TtlCache<LoadedList>;
  private readonly roots: TtlCache<Map<string, IndexConfig>>;
  private readonly searches: TtlCache<SearchHits | undefined>;
  private readonly latest = new Map<string, LoadedList>();

  constructor(
    private readonly devpi: DevpiClient,
    options: PackageStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.serialProbeMs = options.serialProbeMs ?? 1000;
    const ttlMs = options.listTtlMs ?? 5 * 60_000;
    this.lists = new TtlCache({ ttlMs, maxEntries: 500, now: this.now });
    this.merged = new TtlCache({ ttlMs, maxEntries: 100, now: this.now });
    this.roots = new TtlCache({ ttlMs, maxEntries: 32, now: this.now });
    // Paging through one search result must not rescan 600,000 names for every page.
    this.searches = new TtlCache({ ttlMs: 60_000, maxEntries: 64, now: this.now });
  }

  /** The anonymous reader the store uses for everything devpi lets anyone read. */
  get anonymous(): Reader {
    return { key: '', client: this.devpi };
  }

  /**
   * devpi's current serial, from the `X-Devpi-Serial` header of `/+api` (open to anyone even
   * where `/+status` is trimmed); one probe per interval, or a new one when `fresh` (the browser
   * asked with `Cache-Control: no-cache`, e.g. right after an upload).
   */
  serial(fresh = false): Promise<number> {
    const now = this.now();
    if (this.probe && now - this.probe.at < this.serialProbeMs && (!fresh || this.probe.at === now)) return this.probe.serial;
    const serial = this.devpi.serial();
    this.probe = { at: now, serial };
    serial.catch(() => {
      if (this.probe?.serial === serial) this.probe = undefined;
    });
    return serial;
  }

  /**
   * Whether devpi-web is there, from `/+status`'s versioninfo. A withheld `/+status` (devpi-admin
   * answers anonymous callers with health only) says nothing: then the reader's own credentials
   * ask, and until someone may read it the answer is "no" without being remembered.
   */
  private async webAvailable(reader: Reader): Promise<boolean> {
    if (this.web !== undefined) return this.web;
    for (const client of reader.key === '' ? [this.devpi] : [this.devpi, reader.client]) {
      const status = await client.status().catch(() => undefined);
      if (status !== undefined && isFullStatus(status)) return (this.web = status.versioninfo?.['devpi-web'] !== undefined);
    }
    return false;
  }

  async state(fresh = false, reader: Reader = this.anonymous): Promise<ServerState> {
    const [serial, web] = await Promise.all([this.serial(fresh), this.webAvailable(reader)]);
    return { serial, web };
  }

  /**
   * Reads `what` anonymously unless devpi refused that before, then as `reader`; the cache key
   * carries the principal set only for answers that are not everyone's.
   */
  private async read<T>(what: string, reader: Reader, load: (client: DevpiClient) => Promise<T>, cached: (key: string, load: () => Promise<T>) => Promise<T>): Promise<T> {
    if (!this.refused.has(what) || reader.key === '') {
      try {
        return await cached(what, () => load(this.devpi));
      } catch (error) {
        if (!isRefused(error) || reader.key === '') throw error;
        this.refused.add(what);
      }
    }
    return cached(`${what}\u0000${reader.key}`, () => load(reader.client));
  }

  /** Every index config (`GET /`), re-read when the serial moves. */
  async configs(reader: Reader = this.anonymous): Promise<Map<string, IndexConfig>> {
    const serial = String(await this.serial());
    return this.read('', reader, async (client) => indexConfigs(await client.listRoot()), (key, load) => this.roots.get(key, serial, load));
  }

  /** One index's own project names. */
  async ownList(name: string, config: IndexConfig, reader: Reader = this.anonymous): Promise<LoadedList> {
    const serial = await this.serial();
    const mirror = isMirrorIndex(config);
    const ttlMs = mirrorTtlMs(config);
    const load = (client: DevpiClient): Promise<LoadedList> => this.loadOwn(name, config, client, serial);
    return this.read(name, reader, load, (key, run) => this.lists.get(key, mirror ? 'mirror' : String(serial), run, ttlMs));
  }

  private async loadOwn(name: string, config: IndexConfig, client: DevpiClient, probed: number): Promise<LoadedList> {
    const [user, index] = splitName(name);
    // PEP 691 is devpi's cheapest full list for a mirror (330 ms for 600,000 names vs 813 ms).
    const raw = isMirrorIndex(config) ? (await client.simpleIndex(user, index)).projects.map((p) => p.name) : ((await client.getIndex(user, index))?.projects ?? []);
    const fresh = nameList(name, raw);
    const held = this.latest.get(name);
    const list = held && sameNames(fresh, held.list) ? held.list : fresh;
    const loaded = { list, serial: Math.max(probed, held?.serial ?? 0), fetchedAt: this.now() };
    this.latest.set(name, loaded);
    return loaded;
  }

  /** The list for an index page: its own projects, or with everything its bases bring in. */
  async list(name: string, scope: ProjectScope, reader: Reader = this.anonymous): Promise<LoadedList | undefined> {
    const configs = await this.configs(reader);
    const config = configs.get(name);
    if (!config) return undefined;
    if (scope === 'own' || isMirrorIndex(config)) return this.ownList(name, config, reader);
    const order = resolutionOrder(name, configs).flatMap((r) => {
      const c = configs.get(r.name);
      return c ? [{ name: r.name, config: c }] : [];
    });
    const parts = await Promise.all(order.map((r) => this.ownList(r.name, r.config, reader)));
    const version = parts.map((p) => `${p.serial}@${p.fetchedAt}`).join(',');
    const key = order.some((r) => this.refused.has(r.name)) ? `${name}\u0000${reader.key}` : name;
    return this.merged.get(key, version, async () => ({
      list: mergeLists(parts.map((p) => p.list)),
      serial: Math.max(...parts.map((p) => p.serial)),
      fetchedAt: Math.min(...parts.map((p) => p.fetchedAt)),
    }));
  }

  /**
   * Loads the root listing and every mirror's names now and keeps them loaded: a mirror's list is
   * re-read in the background once 80% of its lifetime has passed, so no click waits on devpi's
   * 15 MB list of a 600,000-project mirror. Only what anonymous callers may read is kept warm
   * (there is no session to read the rest with); those lists load on first use as before.
   */
  keepWarm(intervalMs = 20_000): () => void {
    const tick = async (): Promise<void> => {
      const configs = await this.configs();
      const mirrors = [...configs].filter(([name, config]) => isMirrorIndex(config) && !this.refused.has(name));
      await Promise.all(
        mirrors.map(async ([name, config]) => {
          const ttlMs = mirrorTtlMs(config) ?? 0;
          const age = this.lists.ageOf(name);
          if (age === undefined) await this.ownList(name, config);
          else if (age >= ttlMs * 0.8) this.lists.refresh(name, () => this.loadOwn(name, config, this.devpi, 0));
        }),
      );
    };
    const run = (): void => void tick().catch(() => undefined);
    run();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Positions in `loaded` matching `query`, remembered per list version for paging. */
  async search(name: string, loaded: LoadedList, query: string): Promise<SearchHits | undefined> {
    const key = `${name}\u0000${loaded.serial}@${loaded.fetchedAt}\u0000${query}`;
    return this.searches.get(key, '', async () => searchList(loaded.list, query));
  }

  /** Forgets an index's list after the dashboard changed it (upload, removal, push). */
  invalidate(name: string): void {
    this.lists.invalidateWhere((key) => key === name || key.startsWith(`${name}\u0000`));
    this.merged.invalidateWhere((key) => key === name || key.startsWith(`${name}\u0000`));
    this.probe = undefined;
  }
}
