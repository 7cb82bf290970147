import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevpiClient } from '@devpi-dashboard/devpi-client';
import type { BulkAclInput } from '@devpi-dashboard/dashboard-api';
import { devpiFixture } from '../../test/support/devpi-fixtures.js';
import { applyAclItem, previewBulkAcl } from './bulk-acl.js';

describe('bulk ACL change against devpi', () => {
  let devpi: Awaited<ReturnType<typeof devpiFixture>>;
  let alice: string;
  let other: string;
  let asAlice: DevpiClient;
  let bob: string;

  beforeAll(async () => {
    devpi = await devpiFixture();
    const a = await devpi.user('acl-alice');
    alice = a.name;
    other = (await devpi.user('acl-other')).name;
    bob = (await devpi.user('acl-bob')).name;
    asAlice = devpi.root.withAuth(alice, (await devpi.root.login(alice, a.password)).token);
    await devpi.root.createIndex(alice, 'one', { bases: [], acl_upload: [alice] });
    await devpi.root.createIndex(alice, 'two', { bases: [], acl_upload: [alice, bob] });
    await devpi.root.createIndex(alice, 'mirror', { type: 'mirror', mirror_url: 'https://pypi.org/simple/' });
    await devpi.root.createIndex(other, 'theirs', { bases: [], acl_upload: [other] });
  });
  afterAll(async () => {
    for (const [u, i] of [[alice, 'one'], [alice, 'two'], [alice, 'mirror'], [other, 'theirs']] as const) await devpi?.root.deleteIndex(u, i).catch(() => undefined);
    await devpi?.close();
  });

  it('previews which indexes change, which already have the principal and which the user may not change', async () => {
    const input: BulkAclInput = { key: 'acl_upload', op: 'add', principal: bob, indexes: [`${alice}/one`, `${alice}/two`, `${alice}/mirror`, `${other}/theirs`, `${alice}/nope`] };
    const items = await previewBulkAcl(asAlice, alice, input);
    expect(items.map((i) => [i.index, i.state, i.operation])).toEqual([
      [`${alice}/one`, 'change', `acl_upload+=${bob}`],
      [`${alice}/two`, 'unchanged', null],
      [`${alice}/mirror`, 'not_stage', null],
      [`${other}/theirs`, 'forbidden', null],
      [`${alice}/nope`, 'missing', null],
    ]);
    expect(items[0]?.current).toEqual([alice]);
  });

  it('lands the change on devpi once: a repeated item finds it done and sends nothing', async () => {
    const input: BulkAclInput = { key: 'acl_upload', op: 'add', principal: bob, indexes: [`${alice}/one`] };
    expect(await applyAclItem(asAlice, alice, `${alice}/one`, input)).toEqual({ state: 'changed', acl: [alice, bob] });
    expect((await devpi.root.getIndex(alice, 'one'))?.['acl_upload']).toEqual([alice, bob]);
    expect(await applyAclItem(asAlice, alice, `${alice}/one`, input)).toMatchObject({ state: 'unchanged' });
    const remove: BulkAclInput = { ...input, op: 'remove' };
    expect(await applyAclItem(asAlice, alice, `${alice}/one`, remove)).toEqual({ state: 'changed', acl: [alice] });
    expect(await applyAclItem(asAlice, alice, `${other}/theirs`, input)).toMatchObject({ state: 'skipped' });
    expect((await devpi.root.getIndex(other, 'theirs'))?.['acl_upload']).toEqual([other]);
  });

  it('adds a special principal in the form devpi stores it', async () => {
    const input: BulkAclInput = { key: 'acl_toxresult_upload', op: 'remove', principal: ':anonymous:', indexes: [`${alice}/two`] };
    const [item] = await previewBulkAcl(asAlice, alice, input);
    expect(item).toMatchObject({ state: 'change', operation: 'acl_toxresult_upload-=:ANONYMOUS:', current: [':ANONYMOUS:'] });
  });
});
