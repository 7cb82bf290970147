import { describe, expect, it } from 'vitest';
import { classifyDevpiRequest, parseOperation, refineUpload } from './classify.js';

describe('classifyDevpiRequest', () => {
  it('turns acl operations into acl.add and acl.remove, other operations into index.modify with before → after', () => {
    const actions = classifyDevpiRequest({
      method: 'PATCH',
      url: '/root/prod',
      body: ['acl_upload+=bob', 'acl_upload-=alice', 'title=Production', 'mirror_whitelist-'],
      before: { title: 'prod', mirror_whitelist: ['x'] },
    });
    expect(actions).toEqual([
      { action: 'acl.add', target: { index: 'root/prod' }, changes: [{ key: 'acl_upload', op: 'add', value: 'bob' }] },
      { action: 'acl.remove', target: { index: 'root/prod' }, changes: [{ key: 'acl_upload', op: 'remove', value: 'alice' }] },
      {
        action: 'index.modify',
        target: { index: 'root/prod' },
        changes: [
          { key: 'title', op: 'set', before: 'prod', after: 'Production' },
          { key: 'mirror_whitelist', op: 'drop', before: ['x'] },
        ],
      },
    ]);
  });

  it('never records a password, on create or change', () => {
    const created = classifyDevpiRequest({ method: 'PUT', url: '/alice', body: { password: 's3cret', email: 'a@x' } });
    expect(created).toEqual([{ action: 'user.create', target: { user: 'alice' }, changes: [{ key: 'email', op: 'set', after: 'a@x' }] }]);
    const changed = classifyDevpiRequest({ method: 'PATCH', url: '/alice', body: { password: 'n3w' }, before: { email: 'a@x' } });
    expect(changed).toEqual([{ action: 'password.change', target: { user: 'alice' }, changes: [{ key: 'password', op: 'set', secret: true }] }]);
    expect(JSON.stringify([created, changed])).not.toMatch(/s3cret|n3w/);
  });

  it('records user.modify with the values that change', () => {
    const actions = classifyDevpiRequest({ method: 'PATCH', url: '/alice/', body: { email: 'b@x', title: 'A' }, before: { email: 'a@x', title: 'A' } });
    expect(actions).toEqual([{ action: 'user.modify', target: { user: 'alice' }, changes: [{ key: 'email', op: 'set', before: 'a@x', after: 'b@x' }] }]);
  });

  it('names deletes by the depth of the path, with unicode names decoded', () => {
    const name = 'ünï'.repeat(100);
    const del = (url: string) => classifyDevpiRequest({ method: 'DELETE', url })[0];
    expect(del(`/${encodeURIComponent(name)}`)).toMatchObject({ action: 'user.delete', target: { user: name } });
    expect(del('/root/dev')).toMatchObject({ action: 'index.delete', target: { index: 'root/dev' } });
    expect(del('/root/dev/pkg')).toMatchObject({ action: 'project.remove', target: { index: 'root/dev', project: 'pkg' } });
    expect(del('/root/dev/pkg/1.0?force')).toMatchObject({ action: 'release.remove', target: { project: 'pkg', version: '1.0' } });
    expect(del('/root/dev/+f/d23/44d1e98b20715/pkg-1.0.tar.gz')).toMatchObject({
      action: 'file.remove',
      target: { index: 'root/dev', file: 'pkg-1.0.tar.gz' },
    });
  });

  it('tells an upload form from a JSON push (transcript 142)', () => {
    expect(classifyDevpiRequest({ method: 'POST', url: '/alice/dev/', multipart: true })[0]).toMatchObject({ action: 'release.upload' });
    expect(
      classifyDevpiRequest({ method: 'POST', url: '/alice/dev', body: { name: 'acme-hello', version: '0.2.0', targetindex: 'root/acme' } }),
    ).toEqual([
      {
        action: 'release.push',
        target: { index: 'alice/dev', project: 'acme-hello', version: '0.2.0' },
        changes: [{ key: 'destination', op: 'set', after: 'root/acme' }],
      },
    ]);
  });

  it('records nothing for reads', () => {
    expect(classifyDevpiRequest({ method: 'GET', url: '/root/dev' })).toEqual([]);
  });

  it('refines an upload once its form fields are known', () => {
    const [upload] = classifyDevpiRequest({ method: 'POST', url: '/alice/dev/', multipart: true });
    expect(upload && refineUpload(upload, { action: 'file_upload', name: 'pkg', version: '1.0', filename: 'pkg-1.0.tar.gz' })).toEqual({
      action: 'release.upload',
      target: { index: 'alice/dev', project: 'pkg', version: '1.0', file: 'pkg-1.0.tar.gz' },
      changes: [],
    });
    expect(upload && refineUpload(upload, { action: 'doc_upload' }).action).toBe('docs.upload');
  });
});

describe('parseOperation', () => {
  it('reads every operation devpi accepts, values with = and + kept whole', () => {
    expect(parseOperation('bases=root/pypi,a=b')).toEqual({ key: 'bases', op: 'set', value: 'root/pypi,a=b' });
    expect(parseOperation('acl_upload+=:AUTHENTICATED:')).toEqual({ key: 'acl_upload', op: 'add', value: ':AUTHENTICATED:' });
    expect(parseOperation('acl_upload-=c++')).toEqual({ key: 'acl_upload', op: 'remove', value: 'c++' });
    expect(parseOperation('title-')).toEqual({ key: 'title', op: 'drop' });
  });
});
