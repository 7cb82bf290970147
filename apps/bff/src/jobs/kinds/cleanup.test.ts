import { describe, expect, it } from 'vitest';
import { globMatcher, selectReleases, type CleanupParams } from './cleanup.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
const rules = (r: Partial<CleanupParams>): CleanupParams => ({ indexes: ['a/b'], includeProjects: [], excludeProjects: [], allowNewestFinal: false, ...r });

describe('cleanup rules', () => {
  const releases = [
    { version: '1.0.0', uploadedAt: ago(400) },
    { version: '1.1.0', uploadedAt: ago(300) },
    { version: '2.0.0', uploadedAt: ago(200) },
    { version: '2.1.0.dev3', uploadedAt: ago(100) },
    { version: '2.1.0rc1', uploadedAt: ago(5) },
    { version: '2.1.0.dev9', uploadedAt: null },
  ];

  it('keeps the newest N in PEP 440 order and removes the rest, but never the newest final release', () => {
    expect(selectReleases(releases, rules({ keepNewest: 2 }), NOW)).toEqual(['2.1.0.dev3', '1.1.0', '1.0.0']);
    expect(selectReleases(releases, rules({ keepNewest: 0 }), NOW)).toEqual(['2.1.0rc1', '2.1.0.dev9', '2.1.0.dev3', '1.1.0', '1.0.0']);
    expect(selectReleases(releases, rules({ keepNewest: 0, allowNewestFinal: true }), NOW)).toContain('2.0.0');
  });

  it('removes pre and dev releases older than D days by their upload time, never one whose time is unknown', () => {
    expect(selectReleases(releases, rules({ preOlderThanDays: 30 }), NOW)).toEqual(['2.1.0.dev3']);
    expect(selectReleases(releases, rules({ preOlderThanDays: 1 }), NOW)).toEqual(['2.1.0rc1', '2.1.0.dev3']);
  });

  it('combines a version pattern with the other rules: all selectors hold, protections win', () => {
    expect(selectReleases(releases, rules({ versionPattern: '*.dev*' }), NOW)).toEqual(['2.1.0.dev9', '2.1.0.dev3']);
    expect(selectReleases(releases, rules({ versionPattern: '1.*' }), NOW)).toEqual(['1.1.0', '1.0.0']);
    expect(selectReleases(releases, rules({ versionPattern: '*.dev*', keepNewest: 2 }), NOW)).toEqual(['2.1.0.dev3']);
  });

  it('matches globs whole and case-insensitively, with regex characters taken literally', () => {
    expect(globMatcher('acme-*')('ACME-Tools')).toBe(true);
    expect(globMatcher('acme-*')('my-acme-tools')).toBe(false);
    expect(globMatcher('a.b?')('a.bc')).toBe(true);
    expect(globMatcher('a.b?')('axbc')).toBe(false);
  });
});
