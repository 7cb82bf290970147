import type { Session } from '@devpi-dashboard/dashboard-api';
import { devpiOk, ok, type Route } from './fake-server';

export const DEVPI = '/+dashboard/api/devpi';

export function session(overrides: Partial<Session> = {}): Session {
  return { authenticated: true, user: 'root', isRoot: true, rootPasswordEmpty: false, expiresAt: null, idleTimeoutS: 1800, ...overrides };
}

export const stage = (overrides: Record<string, unknown> = {}) => ({
  type: 'stage',
  volatile: true,
  bases: [],
  acl_upload: ['alice'],
  acl_toxresult_upload: [':ANONYMOUS:'],
  mirror_whitelist: [],
  mirror_whitelist_inheritance: 'intersection',
  ...overrides,
});

export const summary = (name: string, overrides: Record<string, unknown> = {}) => {
  const [owner = '', index = ''] = name.split('/');
  return { name, owner, index, type: 'stage', volatile: true, bases: [], aclUpload: [owner], warnings: [], ...overrides };
};

/** GET answers every screen's layout needs: who am I and the public settings. */
export function baseRoutes(who: Session = session()): Record<string, Route> {
  return {
    'GET /+dashboard/api/session': () => ok(who),
    'GET /+dashboard/api/config': () => ok({ publicUrl: 'https://devpi.example.com', searchAvailable: false, version: '0.1.0', devpiVersion: '6.19.1' }),
    'GET /+dashboard/api/users': () => ok({ total: 3, offset: 0, limit: 500, items: ['alice', 'bob', 'root'].map((username) => ({ username, indexes: [] })) }),
  };
}

export const userconfig = (username: string, overrides: Record<string, unknown> = {}) => devpiOk('userconfig', { username, indexes: {}, ...overrides });
