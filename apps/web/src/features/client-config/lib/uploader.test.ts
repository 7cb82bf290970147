import { describe, expect, it } from 'vitest';
import { chooseUploader } from './uploader';

describe('chooseUploader', () => {
  it('names the signed-in user when acl_upload lists them', () => {
    expect(chooseUploader(['alice', 'bob'], 'bob')).toMatchObject({ uploader: 'bob', isCurrentUser: true });
  });

  it('names a listed uploader, not root, on root/acme with uploaders alice and bob', () => {
    expect(chooseUploader(['alice', 'bob'], 'root')).toEqual({ uploader: 'alice', isCurrentUser: false, listed: ['alice', 'bob'], groups: [] });
  });

  it('lets any signed-in user upload through :AUTHENTICATED:', () => {
    expect(chooseUploader([':AUTHENTICATED:'], 'carol')).toMatchObject({ uploader: 'carol', isCurrentUser: true });
    expect(chooseUploader([':AUTHENTICATED:'], null)).toMatchObject({ uploader: null, isCurrentUser: false });
  });

  it('names nobody when only a group may upload', () => {
    expect(chooseUploader([':devs'], 'root')).toEqual({ uploader: null, isCurrentUser: false, listed: [], groups: [':devs'] });
  });
});
