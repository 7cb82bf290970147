import { RouterProvider } from 'react-router';
import { inAppPath, paths } from '../config/paths';
import { sessionKeys } from '../features/auth/api/session-keys';
import { queryClient } from '../lib/query-client';
import { setSessionExpiredHandler } from '../lib/session-expiry';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const router = createAppRouter();

// The BFF answers 401 session_expired when devpi no longer accepts the session: forget what was
// cached for that user and send them to sign in, coming back to where they were afterwards.
setSessionExpiredHandler(() => {
  const where = inAppPath(window.location);
  if (where.startsWith(paths.login.pattern)) return;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.config()[0] });
  void router.navigate(paths.login.to(where));
});

export function App() {
  return (
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
