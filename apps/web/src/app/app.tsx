import { RouterProvider } from 'react-router';
import { inAppPath } from '../config/paths';
import { queryClient } from '../lib/query-client';
import { setSessionExpiredHandler } from '../lib/session-expiry';
import { AppProvider } from './provider';
import { prefetchLinkedCode, prefetchOnIntent } from './prefetch-on-intent';
import { createAppRouter, routes } from './router';
import { sessionExpiredHandler } from './session-expired';

const router = createAppRouter();
prefetchOnIntent(routes);
prefetchLinkedCode(routes, (callback) => router.subscribe((state) => {
  if (state.navigation.state === 'idle') callback();
}));
setSessionExpiredHandler(sessionExpiredHandler((to) => router.navigate(to), queryClient, () => inAppPath(window.location)));

export function App() {
  return (
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
