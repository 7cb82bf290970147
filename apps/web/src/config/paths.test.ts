import { describe, expect, it } from 'vitest';
import { inAppPath, paths, safeNext } from './paths';

describe('paths', () => {
  it('encodes each segment so odd devpi names stay one segment', () => {
    expect(paths.indexes.detail.to('a@b.c', 'dev')).toBe('/indexes/a%40b.c/dev');
    expect(paths.users.list.to('al ice')).toBe('/users?q=al+ice');
    expect(paths.users.list.to()).toBe('/users');
  });

  it('keeps ?next= inside the app', () => {
    expect(safeNext('/users/alice?x=1')).toBe('/users/alice?x=1');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });

  it('strips the basename from the browser location', () => {
    expect(inAppPath({ pathname: '/+dashboard/users', search: '?q=a' })).toBe('/users?q=a');
    expect(inAppPath({ pathname: '/+dashboard', search: '' })).toBe('/');
  });
});
