import { DevpiError, type DevpiClient } from '@devpi-dashboard/devpi-client';

/**
 * Who is reading: the session's devpi client and a key for its principal set. devpi grants
 * nothing to a user name that it does not grant to the same name again, so the user name is the
 * key ('' for anonymous callers).
 */
export interface Reader {
  key: string;
  client: DevpiClient;
}

/**
 * devpi refused the read itself (devpi-admin's acl_read, devpi-lockdown): 401 or 403. Then the
 * anonymous answer cannot be shared and the reader's own credentials must be used.
 */
export function isRefused(error: unknown): boolean {
  return error instanceof DevpiError && error.kind === 'http' && (error.status === 401 || error.status === 403);
}
