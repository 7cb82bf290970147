import { describe, expect, it } from 'vitest';
import type { IndexConfig } from '@devpi-dashboard/devpi-client';
import { devpiSro, mirrorAccess } from './mirror-access.js';

const stage = (bases: string[], whitelist: string[] = [], inheritance?: 'union' | 'intersection'): IndexConfig => ({
  type: 'stage', volatile: true, bases, acl_upload: ['root'], acl_toxresult_upload: [], mirror_whitelist: whitelist,
  ...(inheritance ? { mirror_whitelist_inheritance: inheritance } : {}),
}) as IndexConfig;
const mirror: IndexConfig = { type: 'mirror', volatile: true, mirror_url: 'https://pypi.org/simple/' } as IndexConfig;

describe('devpi resolution order and whitelist (model.py: sro, op_sro_check_mirror_whitelist)', () => {
  const configs = new Map<string, IndexConfig>([
    ['root/pypi', mirror],
    ['a/base', stage(['root/pypi'], ['lib'])],
    ['a/dev', stage(['root/pypi', 'a/base'], [], 'intersection')],
    ['a/open', stage(['a/base'], [], 'union')],
  ]);

  it('visits stages breadth first and mirrors last', () => {
    expect(devpiSro('a/dev', configs)).toEqual(['a/dev', 'a/base', 'root/pypi']);
  });

  it('intersection: only the start index whitelist counts; union: any stage before the mirror', () => {
    const holds = (n: string) => n === 'a/base' || n === 'root/pypi';
    expect(mirrorAccess('a/dev', configs, 'lib', holds)).toMatchObject({ blocked: ['root/pypi'], privateOn: ['a/base'], whitelistedBy: null });
    expect(mirrorAccess('a/open', configs, 'Lib', holds)).toMatchObject({ blocked: [], consulted: ['a/base', 'root/pypi'], whitelistedBy: { index: 'a/base', entry: 'lib' } });
  });

  it('a name no stage holds is not private: the mirror is asked', () => {
    expect(mirrorAccess('a/dev', configs, 'requests', (n) => n === 'root/pypi')).toMatchObject({ blocked: [], consulted: ['root/pypi'] });
  });
});
