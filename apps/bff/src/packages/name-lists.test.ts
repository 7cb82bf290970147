import { describe, expect, it } from 'vitest';
import { mergeLists, nameList, pageOf, searchList } from './name-lists.js';

describe('project name lists', () => {
  it('sorts by normalised name and drops spelling duplicates', () => {
    const list = nameList('root/dev', ['Zeta', 'alpha_beta', 'alpha-beta', 'Alpha.Gamma']);
    expect(list.norm).toEqual(['alpha-beta', 'alpha-gamma', 'zeta']);
    expect(list.names).toEqual(['alpha_beta', 'Alpha.Gamma', 'Zeta']);
  });

  it('merges in resolution order: the first index that has a name owns it', () => {
    const own = nameList('alice/dev', ['app', 'requests']);
    const base = nameList('root/pypi', ['requests', 'six', 'app-utils']);
    const merged = mergeLists([own, base]);
    expect(pageOf(merged, undefined, 0, 10).items).toEqual([
      { name: 'app', index: 'alice/dev' },
      { name: 'app-utils', index: 'root/pypi' },
      { name: 'requests', index: 'alice/dev' },
      { name: 'six', index: 'root/pypi' },
    ]);
  });

  it('ranks the exact name, then prefixes, then substrings, and pages the result', () => {
    const list = nameList('root/pypi', ['pytest-cov', 'flake8-pytest', 'pytest', 'pytest_mock', 'requests']);
    const hits = searchList(list, 'PyTest');
    expect(hits?.exact).toBe(1);
    expect(hits?.prefix).toBe(2);
    expect(pageOf(list, hits?.hits, 0, 10).items.map((i) => i.name)).toEqual(['pytest', 'pytest-cov', 'pytest_mock', 'flake8-pytest']);
    expect(pageOf(list, hits?.hits, 2, 1)).toEqual({ total: 4, items: [{ name: 'pytest_mock', index: 'root/pypi' }] });
  });

  it('treats an empty query as no filter', () => {
    expect(searchList(nameList('a/b', ['x']), '  ')).toBeUndefined();
  });
});
