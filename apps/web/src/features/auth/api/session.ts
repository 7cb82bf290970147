import type { LoginRequest, Session } from '@devpi-dashboard/dashboard-api';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { dashboardApi } from '../../../lib/api-client';
import { dropEarlyRequests } from '../../../lib/early-requests';
import { sessionKeys } from './session-keys';

export { sessionKeys };

export const sessionQueryOptions = () => queryOptions({ queryKey: sessionKeys.current(), queryFn: dashboardApi.session, staleTime: 60_000 });

/** Public settings (devpi's public URL, whether devpi-web search exists); they change only on redeploy. */
export const configQueryOptions = () => queryOptions({ queryKey: sessionKeys.config(), queryFn: dashboardApi.config, staleTime: Infinity });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => dashboardApi.login(credentials),
    onSuccess: async (session) => {
      // What a user may see and do depends on who they are: nothing cached before still holds.
      dropEarlyRequests();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.config()[0] });
      queryClient.setQueryData(sessionQueryOptions().queryKey, session);
    },
  });
}

export const anonymousSession = (previous: Session | undefined): Session => ({
  authenticated: false,
  user: null,
  isRoot: false,
  rootPasswordEmpty: null,
  expiresAt: null,
  idleTimeoutS: previous?.idleTimeoutS ?? 1800,
});

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dashboardApi.logout,
    onSuccess: () => {
      dropEarlyRequests();
      const previous = queryClient.getQueryData(sessionQueryOptions().queryKey);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.config()[0] });
      queryClient.setQueryData(sessionQueryOptions().queryKey, anonymousSession(previous));
    },
  });
}
