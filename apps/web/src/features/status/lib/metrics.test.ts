import { describe, expect, it } from 'vitest';
import { cacheStats, formatRate, otherMetrics } from './metrics';

const metrics: [string, string, number][] = [
  ['devpi_server_storage_cache_hits', 'counter', 30],
  ['devpi_server_storage_cache_lookups', 'counter', 40],
  ['devpi_server_storage_cache_misses', 'counter', 10],
  ['devpi_server_storage_cache_size', 'gauge', 1000],
  ['devpi_server_relpath_cache_lookups', 'counter', 0],
  ['devpi_web_whoosh_index_queue_size', 'gauge', 2],
];

describe('status metrics', () => {
  it('turns cache counters into a hit rate per cache', () => {
    const [storage, relpath] = cacheStats(metrics);
    expect(storage).toMatchObject({ label: 'Storage', hits: 30, lookups: 40, misses: 10, size: 1000, hitRate: 0.75 });
    expect(relpath).toMatchObject({ label: 'File paths', hitRate: undefined });
    expect(formatRate(storage?.hitRate)).toBe('75 %');
    expect(formatRate(undefined)).toBe('—');
  });

  it('labels the rest readably and keeps the raw name', () => {
    expect(otherMetrics(metrics)).toEqual([{ name: 'devpi_web_whoosh_index_queue_size', label: 'Whoosh index queue size', value: 2 }]);
  });
});
