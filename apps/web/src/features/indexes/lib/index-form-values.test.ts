import { MirrorIndexConfig } from '@devpi-dashboard/devpi-client';
import { describe, expect, it } from 'vitest';
import { findCycle } from './bases';
import { createInput, defaultIndexValues, diffToOps, unknownKeys, valuesFromConfig } from './index-form-values';

const mirror = MirrorIndexConfig.parse({ type: 'mirror', volatile: true, mirror_url: 'https://pypi.org/simple/', mirror_cache_expiry: 1800, title: 'PyPI', x_plugin: [1] });

describe('diffToOps', () => {
  it('is empty when nothing changed, and drops a cleared optional text key', () => {
    expect(diffToOps(mirror, valuesFromConfig(mirror))).toEqual([]);
    expect(diffToOps(mirror, { ...valuesFromConfig(mirror), title: '' })).toEqual(['title-']);
  });

  it('sets mirror options with devpi value syntax', () => {
    const values = { ...valuesFromConfig(mirror), mirror_cache_expiry: '60', mirror_no_project_list: true, mirror_url: 'https://example.com/simple/' };
    expect(diffToOps(mirror, values)).toEqual(['mirror_url=https://example.com/simple/', 'mirror_cache_expiry=60', 'mirror_no_project_list=True']);
  });

  it('keeps keys it does not know out of the form and out of the ops', () => {
    expect(unknownKeys(mirror)).toEqual([['x_plugin', [1]]]);
  });
});

describe('createInput', () => {
  it("gives a stage devpi's defaults with the owner as uploader", () => {
    expect(createInput(defaultIndexValues('alice'))).toEqual({
      type: 'stage', volatile: true, bases: [], acl_upload: ['alice'], acl_toxresult_upload: [':ANONYMOUS:'], mirror_whitelist: [], mirror_whitelist_inheritance: 'intersection',
    });
  });
});

describe('findCycle', () => {
  const graph = new Map([['a/x', ['b/y']], ['b/y', ['c/z']], ['c/z', []]]);
  it('finds the chain back to the index itself', () => {
    expect(findCycle(graph, 'c/z', ['a/x'])).toEqual(['c/z', 'a/x', 'b/y', 'c/z']);
    expect(findCycle(graph, 'c/z', ['c/z'])).toEqual(['c/z', 'c/z']);
  });
  it('accepts a diamond', () => {
    expect(findCycle(new Map([...graph, ['d/w', ['a/x', 'b/y']]]), 'e/v', ['d/w', 'b/y'])).toBeUndefined();
  });
});
