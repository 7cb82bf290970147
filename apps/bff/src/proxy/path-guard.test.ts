import { describe, expect, it } from 'vitest';
import { isIndexPath, refusePath } from './path-guard.js';

describe('refusePath', () => {
  it.each([
    '/',
    '/+api',
    '/root/pypi?no_projects=',
    '/root/acme/+simple/acme-hello/',
    '/root/acme/+f/abc/def/acme_hello-0.1.0-py3-none-any.whl',
    '/root/acme/acme-hello/1.0.0?q=a/../b',
    '/user@example.com/dev',
    '/caf%C3%A9/dev',
  ])('lets %s through', (target) => {
    expect(refusePath(target)).toBeUndefined();
  });

  it.each([
    'http://evil.example/',
    '//evil.example/x',
    '/root/../etc',
    '/root/..',
    '/./root',
    '/root/%2e%2e/x',
    '/root/%2E%2e/x',
    '/root/.%2e/x',
    '/root%2fpypi',
    '/root%2Fpypi',
    '/root%5c..',
    '/root\\..\\x',
    '/root//pypi',
    '/root/%00',
    '/root/a\u0001b',
    '/%c0%ae%c0%ae/root',
    '/root/%ff',
    '/root/100%',
    '*',
  ])('refuses %s', (target) => {
    expect(refusePath(target)).toEqual(expect.any(String));
  });
});

describe('isIndexPath', () => {
  it('matches /<user>/<index> only', () => {
    expect(isIndexPath('/root/acme')).toBe(true);
    expect(isIndexPath('/root/acme/')).toBe(true);
    expect(isIndexPath('/root/acme?error_on_noop=')).toBe(true);
    expect(isIndexPath('/root')).toBe(false);
    expect(isIndexPath('/root/acme/pkg')).toBe(false);
    expect(isIndexPath('/+login')).toBe(false);
    expect(isIndexPath('/root/+api')).toBe(false);
  });
});
