import { describe, expect, it } from 'vitest';
import { DevpiClient } from './client.js';
import type { FetchFn } from './http.js';
import { op } from './index-ops.js';
import { IndexConfig, indexKind, isMirrorIndex, isPluginIndex, isStageIndex } from './schemas/index-config.js';

/** What devpi-constrained answers for its index type: stage-like keys plus its own. */
const constrained = {
  type: 'constrained',
  volatile: false,
  bases: ['root/pypi'],
  acl_upload: ['alice'],
  acl_toxresult_upload: [':ANONYMOUS:'],
  mirror_whitelist: [],
  mirror_whitelist_inheritance: 'intersection',
  constraints: ['requests<3', '*'],
  title: 'Pinned',
};
const stage = { type: 'stage', volatile: true, bases: [], acl_upload: ['root'], acl_toxresult_upload: [], mirror_whitelist: [], mirror_whitelist_inheritance: 'union' };
const mirror = { type: 'mirror', volatile: false, mirror_url: 'https://pypi.org/simple/' };

const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function recording(body: unknown, seen: { method?: string; body?: unknown }[]): FetchFn {
  return async (_input, init) => {
    seen.push({ method: init?.method, body: typeof init?.body === 'string' ? JSON.parse(init.body) as unknown : undefined });
    return json(body);
  };
}

describe('indexes of a type a plugin adds', () => {
  it('a root listing with one constrained index parses and keeps every key', async () => {
    const listing = { root: { username: 'root', indexes: { pypi: mirror, pinned: constrained, dev: stage } } };
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: recording({ type: 'list:userconfig', result: listing }, []) });
    const root = await client.listRoot();
    expect(root).toEqual(listing);
    const pinned = root.root?.indexes?.pinned;
    expect(pinned && indexKind(pinned)).toBe('plugin');
  });

  it('getIndex returns the plugin keys and patchIndex round-trips them untouched', async () => {
    const seen: { method?: string; body?: unknown }[] = [];
    const client = new DevpiClient({ baseUrl: 'http://h:1', fetch: recording({ type: 'indexconfig', result: constrained }, seen) });
    const config = await client.getIndex('root', 'pinned');
    expect(config).toEqual(constrained);
    expect(JSON.parse(JSON.stringify(config)) as unknown).toEqual(constrained);
    expect(await client.patchIndex('root', 'pinned', [op.add('acl_upload', 'bob')])).toEqual(constrained);
    expect(seen.at(-1)).toEqual({ method: 'PATCH', body: ['acl_upload+=bob'] });
  });

  it('the guards narrow each variant', () => {
    const parsed = [stage, mirror, constrained].map((c) => IndexConfig.parse(c));
    expect(parsed.map(indexKind)).toEqual(['stage', 'mirror', 'plugin']);
    expect(parsed.map((c) => [isStageIndex(c), isMirrorIndex(c), isPluginIndex(c)])).toEqual([[true, false, false], [false, true, false], [false, false, true]]);
    const [first] = parsed;
    // Compiles only because the guard narrows to the stage schema's keys.
    expect(first && isStageIndex(first) ? first.mirror_whitelist_inheritance : undefined).toBe('union');
  });

  it('a plugin index needs only a type, but a malformed stage is not mistaken for one', () => {
    expect(IndexConfig.parse({ type: 'minimal' })).toEqual({ type: 'minimal' });
    expect(IndexConfig.safeParse({ type: 'stage', volatile: true, acl_upload: [] }).success).toBe(false);
    expect(IndexConfig.safeParse({ type: 'constrained', acl_upload: 'alice' }).success).toBe(false);
    expect(IndexConfig.safeParse({ volatile: true }).success).toBe(false);
  });
});
