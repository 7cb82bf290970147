import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

function setup() {
  let now = 0;
  let loads = 0;
  const cache = new TtlCache<number>({ ttlMs: 100, maxEntries: 2, now: () => now });
  const load = () => {
    loads += 1;
    return Promise.resolve(loads);
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('TtlCache', () => {
  it('shares one load between concurrent callers', async () => {
    const { cache, load, loads } = setup();
    const [a, b] = await Promise.all([cache.get('root/pypi', 'mirror', load), cache.get('root/pypi', 'mirror', load)]);
    expect([a, b, loads()]).toEqual([1, 1, 1]);
  });

  it('serves a stale value while it refreshes in the background', async () => {
    const { cache, load, loads, advance } = setup();
    await cache.get('root/pypi', 'mirror', load);
    advance(150);
    expect(await cache.get('root/pypi', 'mirror', load)).toBe(1);
    expect(loads()).toBe(2);
    expect(await cache.get('root/pypi', 'mirror', load)).toBe(2);
  });

  it('keeps an entry for its own TTL when given one', async () => {
    const { cache, load, loads, advance } = setup();
    await cache.get('root/pypi', 'mirror', load, 1000);
    advance(500);
    await cache.get('root/pypi', 'mirror', load, 1000);
    expect(loads()).toBe(1);
  });

  it('reloads at once when the version (devpi serial) moves', async () => {
    const { cache, load } = setup();
    await cache.get('alice/dev', '7', load);
    expect(await cache.get('alice/dev', '8', load)).toBe(2);
  });

  it('does not keep a failed first load', async () => {
    const { cache, load } = setup();
    await expect(cache.get('x/y', '1', () => Promise.reject(new Error('devpi down')))).rejects.toThrow('devpi down');
    expect(await cache.get('x/y', '1', load)).toBe(1);
  });

  it('evicts the least recently used entry', async () => {
    const { cache, load, loads } = setup();
    await cache.get('a', '1', load);
    await cache.get('b', '1', load);
    await cache.get('a', '1', load);
    await cache.get('c', '1', load);
    await cache.get('a', '1', load);
    expect(loads()).toBe(3);
    await cache.get('b', '1', load);
    expect(loads()).toBe(4);
  });
});
