import { describe, expect, it } from 'vitest';
import { principals } from './principals.js';

describe('principals', () => {
  it('names the special principals as devpi stores them', () => {
    expect([principals.ANONYMOUS, principals.AUTHENTICATED]).toEqual([':ANONYMOUS:', ':AUTHENTICATED:']);
  });

  it.each([
    ['alice', 'user', 'alice'],
    [':anonymous:', 'anonymous', ':ANONYMOUS:'],
    [':Authenticated:', 'authenticated', ':AUTHENTICATED:'],
    [':devs', 'group', ':devs'],
  ])('%s is a %s principal stored as %s', (principal, kind, stored) => {
    expect(principals.kind(principal)).toBe(kind);
    expect(principals.normalize(principal)).toBe(stored);
  });

  it('writes groups with one leading colon', () => {
    expect(principals.group('devs')).toBe(':devs');
    expect(principals.group(':devs')).toBe(':devs');
  });
});
