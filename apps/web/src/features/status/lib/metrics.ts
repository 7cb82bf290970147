import type { Status } from '@devpi-dashboard/devpi-client';

type Metric = NonNullable<Status['metrics']>[number];

/** devpi's caches report `devpi_server_<cache>_cache_<field>`; grouped, they give a hit rate. */
export interface CacheStats {
  cache: string;
  label: string;
  hits: number | undefined;
  lookups: number | undefined;
  misses: number | undefined;
  evictions: number | undefined;
  size: number | undefined;
  items: number | undefined;
  /** hits / lookups, 0..1; undefined before the first lookup. */
  hitRate: number | undefined;
}

const CACHE_LABELS: Record<string, string> = {
  storage: 'Storage',
  changelog: 'Changelog',
  relpath: 'File paths',
};

const CACHE_METRIC = /^devpi_server_(\w+?)_cache_(hits|lookups|misses|evictions|size|items)$/;

export function cacheStats(metrics: readonly Metric[]): CacheStats[] {
  const byCache = new Map<string, Partial<Record<string, number>>>();
  for (const [name, , value] of metrics) {
    const match = CACHE_METRIC.exec(name);
    if (!match?.[1] || !match[2]) continue;
    const fields = byCache.get(match[1]) ?? {};
    fields[match[2]] = value;
    byCache.set(match[1], fields);
  }
  return [...byCache].map(([cache, f]) => ({
    cache,
    label: CACHE_LABELS[cache] ?? cache.replaceAll('_', ' '),
    hits: f.hits,
    lookups: f.lookups,
    misses: f.misses,
    evictions: f.evictions,
    size: f.size,
    items: f.items,
    hitRate: f.hits !== undefined && f.lookups ? f.hits / f.lookups : undefined,
  }));
}

/** The metrics that are not cache counters, with a label a person reads ("Whoosh index queue size"). */
export function otherMetrics(metrics: readonly Metric[]): { name: string; label: string; value: number }[] {
  return metrics
    .filter(([name]) => !CACHE_METRIC.test(name))
    .map(([name, , value]) => {
      const words = name.replace(/^devpi_(server|web)_/, '').replaceAll('_', ' ');
      return { name, label: words.charAt(0).toUpperCase() + words.slice(1), value };
    });
}

export function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${Math.round(rate * 1000) / 10} %`;
}
