import { describe, expect, it } from 'vitest';
import { compareVersions, isPrerelease, latestVersion } from './version-order.js';

const ascending = (versions: string[]) => [...versions].sort(compareVersions);

describe('version order (devpi-common: packaging_legacy.version.parse)', () => {
  it('follows PEP 440: epochs, pre, post and dev releases', () => {
    expect(ascending(['2.0', '1!1.0', '1.0'])).toEqual(['1.0', '2.0', '1!1.0']);
    expect(ascending(['1.0', '1.0.post1', '1.0rc1', '1.0.dev1', '1.0a1', '1.0b2', '1.0a1.dev1']))
      .toEqual(['1.0.dev1', '1.0a1.dev1', '1.0a1', '1.0b2', '1.0rc1', '1.0', '1.0.post1']);
    expect(ascending(['1.10', '1.9', '1.0.0+local', '1.0.0'])).toEqual(['1.0.0', '1.0.0+local', '1.9', '1.10']);
  });

  it('puts strings PEP 440 cannot parse below every version, in LegacyVersion order', () => {
    expect(ascending(['0.1', '2.0foo', '1.0'])).toEqual(['2.0foo', '0.1', '1.0']);
    expect(ascending(['2.0foo', '1.0-x', '10.0bar'])).toEqual(['1.0-x', '2.0foo', '10.0bar']);
    expect(compareVersions('2.0foo', '0.0.dev0')).toBeLessThan(0);
  });

  it('counts dev and pre releases as pre-releases and legacy strings as none', () => {
    expect([isPrerelease('1.0a1'), isPrerelease('1.0.dev3'), isPrerelease('1.0.post1'), isPrerelease('2.0foo')])
      .toEqual([true, true, false, false]);
  });

  it('names the newest final release as latest, the newest pre-release when there is no final', () => {
    expect(latestVersion(['1!1.0', '2.0', '3.0rc1', '2.0foo'])).toBe('1!1.0');
    expect(latestVersion(['1.0a1', '1.0b1'])).toBe('1.0b1');
    expect(latestVersion(['2.0foo'])).toBe('2.0foo');
  });
});
