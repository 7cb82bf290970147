import type { Request } from 'express';
import { DevpiError } from '@devpi-dashboard/devpi-client';
import { notLoggedIn } from '../errors.js';
import type { RouteDeps } from '../http/route-deps.js';
import { splitIndex } from './hosted-releases.js';

/** The signed-in user; supply reports are for people who administer or use the indexes. */
export function sessionUser(req: Request): string {
  const user = req.devpiSession?.user;
  if (user === undefined) throw notLoggedIn();
  return user;
}

/**
 * Which of these indexes the request's user may read, asked of devpi itself (acl_read of
 * devpi-admin, devpi-lockdown): a report never shows findings of an index its reader cannot open.
 */
export async function readableIndexes(deps: RouteDeps, req: Request, indexes: readonly string[]): Promise<string[]> {
  if (sessionUser(req) === 'root') return [...indexes];
  const devpi = deps.devpiFor(req);
  const readable = await Promise.all(
    indexes.map(async (name) => {
      const [user, index] = splitIndex(name);
      try {
        return (await devpi.getIndex(user, index, { noProjects: true })) === undefined ? undefined : name;
      } catch (error) {
        if (error instanceof DevpiError && (error.status === 401 || error.status === 403)) return undefined;
        throw error;
      }
    }),
  );
  return readable.filter((name): name is string => name !== undefined);
}
