import { describe, expect, it } from 'vitest';
import { IndexConfig } from '@devpi-dashboard/devpi-client';
import { explainUpload } from './explain-upload.js';
import { indexWarnings } from './index-warnings.js';
import { uploadVerdict } from './upload-permission.js';

const stage = (acl: string[], extra: Record<string, unknown> = {}): IndexConfig => IndexConfig.parse({
  type: 'stage',
  volatile: true,
  bases: [],
  acl_upload: acl,
  acl_toxresult_upload: [':ANONYMOUS:'],
  mirror_whitelist: [],
  mirror_whitelist_inheritance: 'intersection',
  ...extra,
});
const mirror = IndexConfig.parse({ type: 'mirror', volatile: false, mirror_url: 'https://pypi.org/simple/' });

describe('uploadVerdict', () => {
  it('gives each reason', () => {
    expect(uploadVerdict('bob', stage(['bob']))).toEqual({ allowed: true, reason: 'acl_user' });
    expect(uploadVerdict('bob', stage([':AUTHENTICATED:']))).toEqual({ allowed: true, reason: 'acl_authenticated' });
    expect(uploadVerdict('bob', stage([':anonymous:']))).toEqual({ allowed: true, reason: 'acl_anonymous' });
    expect(uploadVerdict(':ANONYMOUS:', stage([':AUTHENTICATED:']))).toEqual({ allowed: false, reason: 'not_listed' });
    expect(uploadVerdict('bob', mirror)).toEqual({ allowed: false, reason: 'mirror' });
    expect(uploadVerdict('bob', stage(['alice']))).toEqual({ allowed: false, reason: 'not_listed' });
    expect(uploadVerdict('bob', stage([':devs']))).toEqual({ allowed: false, reason: 'group_unknown' });
  });

  it('does not let the owner or root upload unless listed', () => {
    expect(uploadVerdict('root', stage(['alice']))).toEqual({ allowed: false, reason: 'not_listed' });
  });
});

describe('explainUpload', () => {
  it('explains that owning an index is not enough', () => {
    const answer = explainUpload({ user: 'alice', index: 'alice/dev', config: stage(['bob']), userExists: true });
    expect(answer.allowed).toBe(false);
    expect(answer.explanation).toContain('Owning alice/dev does not allow uploading');
    expect(answer.remedies).toEqual(['Add alice to acl_upload of alice/dev: acl_upload+=alice.']);
  });

  it('flags a stale acl entry for a deleted user', () => {
    const answer = explainUpload({ user: 'carol', index: 'root/acme', config: stage(['carol']), userExists: false });
    expect(answer.allowed).toBe(true);
    expect(answer.remedies[0]).toContain('acl_upload-=carol');
  });
});

describe('indexWarnings', () => {
  it('reports anonymous uploads, stale users, missing and volatile bases', () => {
    const base = stage(['alice']);
    const indexes = new Map<string, IndexConfig>([['alice/base', base]]);
    const config = stage([':ANONYMOUS:', 'ghost'], { volatile: false, bases: ['alice/base', 'gone/away'] });
    const codes = indexWarnings('alice/prod', config, new Set(['alice']), indexes).map((w) => w.code);
    expect(codes).toEqual(['anonymous_upload', 'acl_unknown_user', 'volatile_base_of_non_volatile', 'missing_base']);
    expect(indexWarnings('root/pypi', mirror, new Set(), indexes)).toEqual([]);
    expect(indexWarnings('a/b', stage([]), new Set(), indexes).map((w) => w.code)).toEqual(['nobody_can_upload']);
  });
});
