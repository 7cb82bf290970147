import type { QueryClient } from '@tanstack/react-query';
import { paths } from '../config/paths';
import { sessionKeys } from '../features/auth/api/session-keys';

/**
 * What happens when the BFF answers 401 session_expired: forget everything cached for that user
 * and go to sign in, carrying where the user was so they come back there afterwards.
 */
export function sessionExpiredHandler(navigate: (to: string) => unknown, queryClient: QueryClient, currentPath: () => string) {
  return () => {
    const where = currentPath();
    if (where.startsWith(paths.login.pattern)) return;
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.config()[0] });
    void navigate(paths.login.to(where));
  };
}
