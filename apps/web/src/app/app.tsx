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

/** Resolves once the router has its first screen's data: its loaders have run, or failed. */
export function routerReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

export function App() {
  return (
    <AppProvider client={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
