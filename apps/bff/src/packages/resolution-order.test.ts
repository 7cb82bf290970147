import type { IndexConfig } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { resolutionOrder } from './resolution-order.js';

const stage = (bases: string[]): IndexConfig => ({
  type: 'stage', volatile: true, bases, acl_upload: [], acl_toxresult_upload: [], mirror_whitelist: [], mirror_whitelist_inheritance: 'intersection',
});
const mirror: IndexConfig = { type: 'mirror', volatile: false, mirror_url: 'https://pypi.org/simple/' };

describe('resolutionOrder', () => {
  it('walks bases breadth first like devpi, visiting a shared base once', () => {
    const configs = new Map<string, IndexConfig>([
      ['alice/dev', stage(['alice/staging', 'team/libs'])],
      ['alice/staging', stage(['root/pypi'])],
      ['team/libs', stage(['root/pypi', 'team/old'])],
      ['root/pypi', mirror],
    ]);
    expect(resolutionOrder('alice/dev', configs).map((r) => [r.name, r.type, r.missing])).toEqual([
      ['alice/dev', 'stage', false],
      ['alice/staging', 'stage', false],
      ['team/libs', 'stage', false],
      ['root/pypi', 'mirror', false],
      ['team/old', 'unknown', true],
    ]);
  });

  it('survives a cycle of bases', () => {
    const configs = new Map<string, IndexConfig>([['a/x', stage(['b/y'])], ['b/y', stage(['a/x'])]]);
    expect(resolutionOrder('a/x', configs).map((r) => r.name)).toEqual(['a/x', 'b/y']);
  });
});
