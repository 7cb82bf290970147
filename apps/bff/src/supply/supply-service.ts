import { compare, explain } from '@renovatebot/pep440';
import { isMirrorIndex, type DevpiClient, type IndexConfig } from '@devpi-dashboard/devpi-client';
import type { BasesGraph, ConfusionFinding, GuardIndex, GuardReport, SupplyWarning } from '@devpi-dashboard/dashboard-api';
import type { NameList } from '../packages/name-lists.js';
import type { PackageStore } from '../packages/package-store.js';
import { isRefused, type Reader } from '../packages/reader.js';
import { TtlCache } from '../packages/ttl-cache.js';
import { stageLike } from '../domain/stage-like.js';
import { mapLimit } from '../domain/map-limit.js';
import { parseDistFile } from './dist-files.js';
import { confusionCheck, riskWords, type BareFinding } from './guard.js';
import { devpiSro, split, whitelistOf } from './mirror-access.js';

/**
 * Requests in flight at once while the guard reads versions (one per flagged name: its mirror
 * page, then its stage's versions); the check used to hold as many, 8 names with 2 reads each.
 */
const GUARD_READ_WIDTH = 16;

/** The highest final release, or the highest pre-release when there is no final one. */
export function latestOf(versions: readonly string[]): string | null {
  const valid = versions.filter((v) => explain(v) !== null);
  const finals = valid.filter((v) => explain(v)?.is_prerelease !== true);
  const pool = finals.length > 0 ? finals : valid;
  return pool.length === 0 ? null : ([...pool].sort(compare).at(-1) ?? null);
}

/** A finding with its versions: whether the mirror has a higher one, and the risk in those terms. */
function withVersions(index: string, f: BareFinding, privates: readonly string[], upstream: readonly string[] | null): ConfusionFinding {
  const privateLatest = latestOf(privates);
  const upstreamLatest = upstream === null ? null : latestOf(upstream);
  const upstreamHigher = upstreamLatest !== null && (privateLatest === null || compare(upstreamLatest, privateLatest) > 0);
  return { ...f, privateLatest, upstreamLatest, upstreamHigher, risk: riskWords(f, index, privateLatest, upstreamLatest, upstreamHigher) };
}

/** The indexes whose resolution order reaches a mirror: the ones the guard checks. */
export function guardedIndexes(configs: ReadonlyMap<string, IndexConfig>): string[] {
  return [...configs.keys()].filter((name) => {
    const config = configs.get(name);
    if (config === undefined || whitelistOf(config) === undefined) return false;
    return devpiSro(name, configs).some((n) => {
      const c = configs.get(n);
      return c !== undefined && isMirrorIndex(c);
    });
  });
}

/**
 * Supply-chain answers on top of the package store's lists: the dependency-confusion guard, the
 * bases graph. Mirror lists are the store's cached ones; per-name facts (a mirror's simple page,
 * a stage's versions) are read once per flagged name and cached.
 */
export class SupplyService {
  private readonly upstream: TtlCache<string[] | null>;
  private readonly privateVersions: TtlCache<string[]>;

  constructor(
    private readonly store: PackageStore,
    now: () => number,
  ) {
    this.upstream = new TtlCache({ ttlMs: 30 * 60_000, maxEntries: 20_000, now });
    this.privateVersions = new TtlCache({ ttlMs: 5 * 60_000, maxEntries: 20_000, now });
  }

  /** Versions a mirror offers for one name, from its simple page (one request, cached per mirror expiry). */
  private async mirrorVersions(mirror: string, config: IndexConfig, project: string, reader: Reader): Promise<string[] | null> {
    const [user, index] = split(mirror);
    const ttl = isMirrorIndex(config) ? Math.max(60, config.mirror_cache_expiry ?? 1800) * 1000 : undefined;
    const load = (client: DevpiClient) => async (): Promise<string[] | null> => {
      const page = await client.simpleProject(user, index, project);
      if (page === undefined) return null;
      return [...new Set(page.files.map((f) => parseDistFile(f.filename, project).version).filter((v): v is string => v !== undefined))];
    };
    try {
      return await this.upstream.get(`${mirror}\u0000${project}`, '', load(this.store.anonymous.client), ttl);
    } catch (error) {
      if (!isRefused(error) || reader.key === '') return null;
      return this.upstream.get(`${mirror}\u0000${project}\u0000${reader.key}`, '', load(reader.client), ttl).catch(() => null);
    }
  }

  /** A stage's own versions of one project (`?ignore_bases`), cached per devpi serial (one probed before the read). */
  private stageVersions(stage: string, project: string, reader: Reader, serial: number): Promise<string[]> {
    const [user, index] = split(stage);
    return this.privateVersions.get(`${stage}\u0000${project}\u0000${reader.key}`, String(serial), async () => Object.keys((await reader.client.getProject(user, index, project, { ignoreBases: true })) ?? {}));
  }

  async guard(reader: Reader, only?: string): Promise<GuardReport> {
    const configs = await this.store.configs(reader);
    const targets = guardedIndexes(configs).filter((n) => only === undefined || n === only);
    const needed = [...new Set(targets.flatMap((t) => devpiSro(t, configs)))];
    const lists = new Map<string, NameList>();
    const unavailableMirrors: GuardReport['unavailableMirrors'] = [];
    await Promise.all(
      needed.map(async (name) => {
        const config = configs.get(name);
        if (config === undefined) return;
        try {
          lists.set(name, (await this.store.ownList(name, config, reader)).list);
        } catch (error) {
          if (isMirrorIndex(config)) unavailableMirrors.push({ mirror: name, message: error instanceof Error ? error.message : String(error) });
          else throw error;
        }
      }),
    );
    const bare = confusionCheck(configs, lists, targets);
    const flat = bare.flatMap((ix) => ix.findings.map((f) => ({ index: ix.index, f })));
    // The mirrors' pages first: devpi commits what a mirror learns from upstream, so the first
    // read of a name moves the serial. The stages' versions are read after, keyed by the serial
    // those reads left, and the next check (mirror pages cached here) finds them still valid.
    const upstream = await mapLimit(flat, GUARD_READ_WIDTH, ({ f }) => {
      const config = configs.get(f.mirror);
      return config === undefined ? Promise.resolve(null) : this.mirrorVersions(f.mirror, config, f.project, reader);
    });
    const serial = flat.length === 0 ? 0 : await this.store.serial(true);
    const privates = await mapLimit(flat, GUARD_READ_WIDTH, ({ f }) => Promise.all(f.privateOn.map((s) => this.stageVersions(s, f.project, reader, serial).catch(() => [] as string[]))));
    const enriched = flat.map(({ index, f }, i) => withVersions(index, f, privates[i]?.flat() ?? [], upstream[i] ?? null));
    let at = 0;
    const indexes: GuardIndex[] = bare.map((ix) => {
      const findings = enriched.slice(at, at + ix.findings.length);
      at += ix.findings.length;
      const warnings: SupplyWarning[] = [...ix.warnings];
      for (const f of findings) {
        if (!f.upstreamHigher) continue;
        warnings.push({
          code: 'upstream_higher_version',
          index: ix.index,
          project: f.project,
          message: `${f.project} is private on ${f.privateOn.join(', ')} (up to ${f.privateLatest ?? '?'}) but ${f.mirror} has ${f.upstreamLatest ?? '?'}: ${f.pipGets === 'mixed' ? `pip on ${ix.index} installs the public release today.` : `blocked on ${ix.index}, but any client that also asks ${f.mirror} or pypi.org directly gets the public one.`}`,
        });
      }
      return { ...ix, findings, warnings };
    });
    return { indexes, unavailableMirrors: unavailableMirrors.sort((a, b) => (a.mirror < b.mirror ? -1 : 1)) };
  }

  async graph(reader: Reader): Promise<BasesGraph> {
    const configs = await this.store.configs(reader);
    const nodes: BasesGraph['nodes'] = [];
    const edges: BasesGraph['edges'] = [];
    const missing = new Set<string>();
    for (const [name, config] of [...configs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      nodes.push({ name, type: config.type, whitelist: whitelistOf(config)?.entries ?? [], missing: false });
      (stageLike(config)?.bases ?? []).forEach((base, i) => {
        const gone = !configs.has(base);
        if (gone) missing.add(base);
        edges.push({ kind: 'base', from: name, to: base, order: i + 1, missing: gone, entries: [] });
      });
      const entries = whitelistOf(config)?.entries ?? [];
      if (entries.length === 0) continue;
      const sro = devpiSro(name, configs);
      sro.forEach((other, i) => {
        const c = configs.get(other);
        if (c !== undefined && isMirrorIndex(c)) edges.push({ kind: 'whitelist', from: name, to: other, order: i + 1, missing: false, entries });
      });
    }
    for (const name of missing) nodes.push({ name, type: 'missing', whitelist: [], missing: true });
    return { nodes, edges };
  }
}

