import { describe, expect, it } from 'vitest';
import { apiPaths, devpiProxyPath, errorBodySchema, sessionSchema } from './index.js';

describe('dashboard API contracts', () => {
  it('builds proxy paths under /+dashboard/api/devpi', () => {
    expect(devpiProxyPath('/root/pypi/+simple/')).toBe('/+dashboard/api/devpi/root/pypi/+simple/');
    expect(devpiProxyPath('root/pypi')).toBe('/+dashboard/api/devpi/root/pypi');
    expect(apiPaths.session).toBe('/+dashboard/api/session');
  });

  it('accepts only snake_case error codes in the one error body', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'session_expired', message: 'Log in again.', status: 401 } }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'SessionExpired', message: 'x', status: 401 } }).success).toBe(false);
    expect(errorBodySchema.safeParse({ message: 'devpi style' }).success).toBe(false);
  });

  it('describes an anonymous session', () => {
    const anonymous = { authenticated: false, user: null, isRoot: false, rootPasswordEmpty: null, expiresAt: null, idleTimeoutS: 900 };
    expect(sessionSchema.parse(anonymous)).toEqual(anonymous);
  });
});
