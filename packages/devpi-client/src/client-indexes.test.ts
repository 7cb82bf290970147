import { describe, expect, it } from 'vitest';
import type { DevpiClient } from './client.js';
import { op } from './index-ops.js';
import { AUTHENTICATED, ANONYMOUS } from './principals.js';
import { isStageIndex, type IndexConfigInput } from './schemas/index-config.js';
import { expectRecordedError } from './test-support/expect-error.js';
import { loadTranscript, replay } from './test-support/transcripts.js';

type Call = (client: DevpiClient) => Promise<unknown>;

/** A plugin-style key the typed input does not know; devpi itself rejects it without the plugin. */
const colour: IndexConfigInput = { colour: 'blue' };

describe('createIndex', () => {
  it.each<[number, string, string, IndexConfigInput]>([
    [46, 'alice', 'dev', { bases: ['root/acme'], volatile: true, acl_upload: ['alice'], title: 'Alice dev', mirror_whitelist: [] }],
    [47, 'bob', 'scratch', {}],
    [50, 'carol', 'root-made', { volatile: true }],
    [161, 'alice', 'prod', { volatile: false }],
  ])('transcript %i: creates a stage and returns its config', async (id, user, index, config) => {
    const { client, verify } = replay(id);
    const created = await client.createIndex(user, index, config);
    verify();
    expect(created.type).toBe('stage');
    if (isStageIndex(created)) expect(created.acl_toxresult_upload).toEqual([ANONYMOUS]);
  });

  it('creates a mirror (transcripts 58, 60: stage keys are dropped by devpi)', async () => {
    const { client, verify } = replay(58, 60);
    const url = 'http://127.0.0.1:3141/root/acme/+simple/';
    expect(await client.createIndex('root', 'acme-mirror', { type: 'mirror', mirror_url: url, title: 'mirror of root/acme' })).toEqual({
      mirror_url: url, title: 'mirror of root/acme', volatile: true, type: 'mirror',
    });
    expect(await client.createIndex('root', 'bad-mirror2', { type: 'mirror', mirror_url: url, acl_upload: ['alice'] })).toEqual({
      mirror_url: url, volatile: true, type: 'mirror',
    });
    verify();
  });

  it.each<[number, Call]>([
    [44, (c) => c.createIndex('root', 'acme', { bases: ['root/pypi'] })],
    [48, (c) => c.createIndex('bob', 'x', {})],
    [49, (c) => c.createIndex('alice', 'x', {})],
    [51, (c) => c.createIndex('ghost', 'idx', {})],
    [52, (c) => c.createIndex('alice', 'bad', { bases: ['root/nonexist'] })],
    [53, (c) => c.createIndex('alice', 'bad', { bases: ['nonsense'] })],
    [55, (c) => c.createIndex('alice', 'bad', colour)],
    [56, (c) => c.createIndex('alice', 'bad!idx', {})],
    [59, (c) => c.createIndex('root', 'bad-mirror', { type: 'mirror', mirror_url: 'ftp://example.invalid/' })],
  ])('transcript %i: refusals carry devpi message', async (id, call) => {
    const { client, verify } = replay(id);
    await expectRecordedError(call(client), loadTranscript(id));
    verify();
  });
});

describe('getIndex', () => {
  it('returns config and own projects, or config only with noProjects (transcripts 62, 63, 115)', async () => {
    const { client, verify } = replay(62, 63, 115);
    expect(await client.getIndex('root', 'acme')).toMatchObject({ type: 'stage', projects: [] });
    expect(await client.getIndex('root', 'acme', { noProjects: true })).not.toHaveProperty('projects');
    expect((await client.getIndex('root', 'acme'))?.projects).toEqual(['acme-hello']);
    verify();
  });

  it('parses mirrors (transcripts 64, 131, 138)', async () => {
    const { client, verify } = replay(64, 131, 138);
    expect(await client.getIndex('root', 'pypi', { noProjects: true })).toEqual({
      type: 'mirror', volatile: false, title: 'PyPI', mirror_url: 'https://pypi.org/simple/', mirror_web_url_fmt: 'https://pypi.org/project/{name}/',
    });
    expect(await client.getIndex('root', 'acme-mirror')).toMatchObject({ mirror_cache_expiry: 60, projects: [] });
    expect((await client.getIndex('root', 'acme-mirror'))?.projects).toEqual(['acme-hello']);
    verify();
  });

  it.each([
    [65, 'root', 'nosuch'],
    [66, 'ghost', 'nosuch'],
  ])('transcript %i: gives undefined for a missing index', async (id, user, index) => {
    const { client, verify } = replay(id);
    expect(await client.getIndex(user, index)).toBeUndefined();
    verify();
  });

  it('keeps acl entries of deleted users, as devpi does (transcript 169)', async () => {
    const { client, verify } = replay(169);
    const config = await client.getIndex('root', 'acme', { noProjects: true });
    verify();
    expect(config && isStageIndex(config) ? config.acl_upload : undefined).toEqual(['alice', 'bob']);
  });
});

describe('patchIndex', () => {
  it.each<[number, string, string, string[], Record<string, unknown>]>([
    [45, 'root', 'acme', [op.set('acl_upload', ['alice', 'bob'])], { acl_upload: ['alice', 'bob'] }],
    [67, 'root', 'acme', [op.add('acl_upload', 'carol')], { acl_upload: ['alice', 'bob', 'carol'] }],
    [68, 'root', 'acme', [op.remove('acl_upload', 'carol')], { acl_upload: ['alice', 'bob'] }],
    [70, 'root', 'acme', [op.set('title', 'ACME packages'), op.set('description', 'Company index'), op.set('mirror_whitelist', ['acme-*', 'requests'])],
      { title: 'ACME packages', description: 'Company index', mirror_whitelist: ['acme-', 'requests'] }],
    [73, 'bob', 'scratch', [op.add('acl_upload', AUTHENTICATED.toLowerCase()), op.set('acl_toxresult_upload', ANONYMOUS.toLowerCase())],
      { acl_upload: ['bob', AUTHENTICATED], acl_toxresult_upload: [ANONYMOUS] }],
    [85, 'root', 'acme-mirror', [op.set('mirror_cache_expiry', 60), op.set('mirror_web_url_fmt', 'http://127.0.0.1:3141/root/acme/{name}')],
      { mirror_cache_expiry: 60 }],
    [87, 'alice', 'dev', [op.set('description', 'root was here')], { description: 'root was here' }],
    [163, 'alice', 'prod', [op.set('volatile', true)], { volatile: true }],
  ])('transcript %i: sends the operations and returns the new config', async (id, user, index, ops, expected) => {
    const { client, verify } = replay(id);
    expect(await client.patchIndex(user, index, ops)).toMatchObject(expected);
    verify();
  });

  it('drops a key (transcript 71)', async () => {
    const { client, verify } = replay(71);
    expect(await client.patchIndex('root', 'acme', [op.drop('description')])).not.toHaveProperty('description');
    verify();
  });

  it.each<[number, Call]>([
    [69, (c) => c.patchIndex('root', 'acme', [op.remove('acl_upload', 'nobody')])],
    [72, (c) => c.patchIndex('root', 'acme', [op.drop('acl_upload')])],
    [82, (c) => c.patchIndex('root', 'acme', [op.set('title', 'hijack')])],
    [83, (c) => c.patchIndex('root', 'acme', [op.set('title', 'hijack')])],
    [84, (c) => c.patchIndex('root', 'nosuch', [op.set('title', 'x')])],
  ])('transcript %i: refusals carry devpi message', async (id, call) => {
    const { client, verify } = replay(id);
    await expectRecordedError(call(client), loadTranscript(id));
    verify();
  });
});

describe('deleteIndex', () => {
  it.each([
    [61, 'root', 'bad-mirror2'],
    [159, 'alice', 'dev'],
  ])('transcript %i: returns devpi message (status 201)', async (id, user, index) => {
    const { client, verify } = replay(id);
    expect(await client.deleteIndex(user, index)).toBe(`index ${user}/${index} deleted`);
    verify();
  });

  it.each([
    [156, 'root', 'acme'],
    [157, 'alice', 'dev'],
    [158, 'alice', 'dev'],
    [160, 'alice', 'dev'],
  ])('transcript %i: refusals carry devpi message', async (id, user, index) => {
    const { client, verify } = replay(id);
    await expectRecordedError(client.deleteIndex(user, index), loadTranscript(id));
    verify();
  });
});
